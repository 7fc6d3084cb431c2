import type { Db } from '../db';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
