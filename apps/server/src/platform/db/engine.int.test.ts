import { inject, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.ts';

describe('test database', () => {
  it('is migrated and empty', async () => {
    const handle = await openTestDatabase(inject('testTemplate'));
    try {
      const rows = await handle.db.selectFrom('users').select('id').execute();
      expect(rows).toEqual([]);
      const migrations = await handle.db
        .selectFrom('schema_migrations' as 'users')
        .select('name' as 'id')
        .execute();
      expect(migrations.length).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});
