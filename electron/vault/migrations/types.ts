import type { Db } from '../../core/db';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
