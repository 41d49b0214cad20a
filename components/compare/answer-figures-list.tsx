import { type AnswerFigures, durationText, tokensText } from "./answer-figures";

/**
 * Time to first token, total time and tokens of one answer. Not a live region: the numbers tick while the answer
 * streams, and the column announces only its start and end (see CompareColumn).
 */
export function AnswerFiguresList({ figures }: { figures: AnswerFigures }) {
  const items = [
    { label: "First token", value: durationText(figures.firstTokenMs), testId: "figure-first-token" },
    { label: figures.live ? "Elapsed" : "Total time", value: durationText(figures.totalMs), testId: "figure-total" },
    { label: "Tokens", value: tokensText(figures), testId: "figure-tokens", estimated: figures.estimated },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2 border-b bg-muted/40 px-4 py-2.5 text-xs">
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-muted-foreground">{item.label}</dt>
          <dd data-testid={item.testId} className="mt-0.5 font-medium break-words tabular-nums text-foreground">
            {item.value}
            {item.estimated && (
              <span title="Estimated: the backend did not report token counts" className="block font-normal text-muted-foreground">
                (estimated)
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
