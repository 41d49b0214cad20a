import type { ModelSummary } from "@/lib/evals/summary";

const WIDTH = 560;
const HEIGHT = 260;
const PAD = { left: 48, right: 16, top: 12, bottom: 36 };

/**
 * Accuracy (with its 95 % interval as a whisker) against cost per 1,000 items, one point per model: the models up
 * and to the left are better for less. Drawn by hand for sighted users; the table above carries the same figures.
 */
export function AccuracyCostChart({ summary, names }: { summary: ModelSummary[]; names: Map<string, string> }) {
  const points = summary.filter((model) => model.accuracy !== null && model.costPer1000Usd !== null);
  if (points.length === 0) return null;
  const maxCost = Math.max(...points.map((model) => model.costPer1000Usd ?? 0));
  // Without prices (Admin → Models) every point sits at $0: nothing to compare.
  if (maxCost === 0)
    return <p className="text-sm text-muted-foreground">No cost was recorded (the models have no prices), so there is no accuracy-against-cost chart.</p>;
  const x = (cost: number) => PAD.left + (cost / maxCost) * (WIDTH - PAD.left - PAD.right);
  const y = (accuracy: number) => PAD.top + (1 - accuracy) * (HEIGHT - PAD.top - PAD.bottom);
  return (
    <figure aria-labelledby="accuracy-cost-title" className="grid gap-2 rounded-xl border bg-card p-4 sm:p-5">
      <figcaption id="accuracy-cost-title" className="text-sm font-semibold">
        Accuracy against cost per 1,000 items
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl text-muted-foreground" aria-hidden="true">
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="currentColor" strokeOpacity={0.15} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {tick * 100}%
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} fontSize={11} fill="currentColor">
          $0
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize={11} fill="currentColor">
          ${maxCost.toFixed(maxCost < 1 ? 4 : 2)} per 1,000 items
        </text>
        {points.map((model) => {
          const cx = x(model.costPer1000Usd ?? 0);
          return (
            <g key={model.modelId} className="text-primary">
              <line x1={cx} x2={cx} y1={y(model.low ?? 0)} y2={y(model.high ?? 0)} stroke="currentColor" strokeWidth={2} strokeOpacity={0.5} />
              <circle cx={cx} cy={y(model.accuracy ?? 0)} r={5} fill="currentColor" />
              <text
                x={cx > WIDTH / 2 ? cx - 8 : cx + 8}
                y={Math.max(PAD.top + 10, y(model.accuracy ?? 0) - 8)}
                textAnchor={cx > WIDTH / 2 ? "end" : "start"}
                fontSize={11}
                className="fill-foreground"
              >
                {names.get(model.modelId) ?? model.modelId}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
