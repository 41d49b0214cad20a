/**
 * A run's cost cap, checked before each item: an item starts only when what was spent, plus what the items already
 * under way are expected to cost, plus what this one is expected to cost, stays within the cap. An item is expected
 * to cost what the same model's finished items cost on average (nothing is known before the first one).
 */
export class CostBudget {
  private spent: number;
  private reserved = 0;
  private readonly finished = new Map<string, { total: number; count: number }>();

  constructor(
    private readonly capUsd: number | null,
    spentUsd: number,
  ) {
    this.spent = spentUsd;
  }

  /** Reserves the expected cost of one item of `modelId`; null when it would pass the cap (nothing reserved). */
  reserve(modelId: string): number | null {
    const expected = this.expected(modelId);
    if (this.capUsd !== null && this.spent + this.reserved + expected > this.capUsd + 1e-12) return null;
    // Even when nothing is known yet, a started item keeps the cap from being reached twice over by parallel items.
    this.reserved += expected;
    return expected;
  }

  /** The item ended: its reservation is released and what it really cost is counted. */
  settle(modelId: string, reservation: number, actualUsd: number): void {
    this.reserved -= reservation;
    this.spent += actualUsd;
    const stats = this.finished.get(modelId) ?? { total: 0, count: 0 };
    this.finished.set(modelId, { total: stats.total + actualUsd, count: stats.count + 1 });
  }

  get spentUsd(): number {
    return this.spent;
  }

  private expected(modelId: string): number {
    const stats = this.finished.get(modelId);
    return stats && stats.count > 0 ? stats.total / stats.count : 0;
  }
}
