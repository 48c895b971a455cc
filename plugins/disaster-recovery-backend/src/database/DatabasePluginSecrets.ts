import type { Knex } from 'knex';
import crypto from 'node:crypto';

/** Secrets the first replica generates and every replica then shares. */
export class DatabasePluginSecrets {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabasePluginSecrets {
    return new DatabasePluginSecrets(db);
  }

  /**
   * The secret called `name`, 32 random bytes made on first use. Replicas
   * starting together race on the insert; the stored one wins for all.
   */
  async getOrCreate(name: string): Promise<Buffer> {
    await this.db('plugin_secrets')
      .insert({ name, value: crypto.randomBytes(32).toString('base64') })
      .onConflict('name')
      .ignore();
    const row = await this.db('plugin_secrets')
      .select('value')
      .where({ name })
      .first();
    return Buffer.from(row.value, 'base64');
  }
}
