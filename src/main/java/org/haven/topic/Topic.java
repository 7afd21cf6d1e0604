package org.haven.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A recovery topic that threads live in. Seeded at first start; its thread count follows its threads. */
@Entity
@Table(name = "topic")
@NamedQuery(name = "Topic.all", query = "select t from Topic t order by t.sortOrder, t.name")
@NamedQuery(name = "Topic.bySlug", query = "select t from Topic t where t.slug = :slug")
@NamedQuery(name = "Topic.threadAdded", query = "update Topic t set t.threadCount = t.threadCount + 1 where t.id = :id")
@NamedQuery(name = "Topic.threadRemoved", query = "update Topic t set t.threadCount = t.threadCount - 1 where t.id = :id")
public class Topic {

    @Id
    @SequenceGenerator(name = "topic_seq", sequenceName = "topic_seq", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_seq")
    private Long id;

    @Column(nullable = false, length = 60)
    private String slug;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 300)
    private String description;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "thread_count", nullable = false)
    private int threadCount;

    @Version
    private long version;

    protected Topic() {
    }

    Topic(String slug, String name, String description, int sortOrder) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int threadCount() {
        return threadCount;
    }
}
