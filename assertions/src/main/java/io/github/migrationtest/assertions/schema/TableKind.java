package io.github.migrationtest.assertions.schema;

/** What kind of table a {@link Table} is. */
public enum TableKind {
    /** An ordinary table (also a partition, see {@link Table#partitionOf()}). */
    TABLE,
    /** A partitioned table: it holds no rows itself, its partitions do. */
    PARTITIONED_TABLE,
    /** A foreign table. */
    FOREIGN_TABLE
}
