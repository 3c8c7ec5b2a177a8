/**
 * Every integration test failing with {@code invalid input value for enum draft_status: "streaming"}: the test
 * set-up created the types from the application's model first (the ORM names enum labels after the model's
 * constants), and the migration that created the enum inline "if missing" kept the model's type. The fixed chain
 * creates the type explicitly, first, and owns it.
 */
package io.github.migrationtest.examples.draftstatus;
