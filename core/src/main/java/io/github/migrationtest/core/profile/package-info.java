/** What a migration did to a populated database: the locks it held, the relations it rewrote, the waits it caused. */
package io.github.migrationtest.core.profile;
