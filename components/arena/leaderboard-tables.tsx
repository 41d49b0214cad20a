import type { Leaderboard } from "@/lib/arena/types";

const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)} %`);
const points = (value: number) => Math.round(value).toString();

const region = "overflow-x-auto rounded-xl border bg-card shadow-sm focus-visible:outline-2 focus-visible:outline-ring";
const head = "border-y bg-muted/60 text-[13px] text-muted-foreground";
const cell = "px-3 py-2";
const number = "px-3 py-2 text-right tabular-nums";

/** Ratings with their 95 % intervals, and each model's votes. */
export function RatingsTable({ leaderboard }: { leaderboard: Leaderboard }) {
  return (
    <div role="region" aria-label="Arena ratings" tabIndex={0} className={region}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="arena-ratings">
        <caption className="px-4 pt-4 pb-2 text-left text-sm font-semibold">
          Arena ratings ({leaderboard.totalVotes} {leaderboard.totalVotes === 1 ? "vote" : "votes"})
        </caption>
        <thead className={head}>
          <tr>
            <th scope="col" className={cell}>
              #
            </th>
            <th scope="col" className={cell}>
              Model
            </th>
            <th scope="col" className={number}>
              Rating
            </th>
            <th scope="col" className={number}>
              95 % interval
            </th>
            <th scope="col" className={number}>
              Votes
            </th>
            <th scope="col" className={number}>
              Won
            </th>
            <th scope="col" className={number}>
              Lost
            </th>
            <th scope="col" className={number}>
              Tie
            </th>
            <th scope="col" className={number}>
              Both bad
            </th>
          </tr>
        </thead>
        <tbody>
          {leaderboard.rows.length === 0 && (
            <tr>
              <td colSpan={9} className="px-4 py-6 text-center text-muted-foreground">
                No votes in this period.
              </td>
            </tr>
          )}
          {leaderboard.rows.map((row, index) => (
            <tr key={row.modelId} className="border-b last:border-b-0" data-testid="arena-rating-row">
              <td className={cell}>{index + 1}</td>
              <th scope="row" className={`${cell} font-medium`}>
                {row.name}
              </th>
              <td className={number}>{points(row.rating)}</td>
              <td className={number}>
                {points(row.low)}–{points(row.high)}
              </td>
              <td className={number} data-testid="arena-votes">
                {row.votes}
              </td>
              <td className={number}>{row.wins}</td>
              <td className={number}>{row.losses}</td>
              <td className={number}>{row.ties}</td>
              <td className={number}>{row.bothBad}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How often the row's model beat the column's (ties half), with the number of battles. */
export function WinRateTable({ leaderboard }: { leaderboard: Leaderboard }) {
  const { matrix } = leaderboard;
  if (matrix.modelIds.length < 2) return null;
  const nameOf = (modelId: string) => leaderboard.rows.find((row) => row.modelId === modelId)?.name ?? modelId;
  return (
    <div role="region" aria-label="Win rates" tabIndex={0} className={region}>
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-4 pb-2 text-left text-sm font-semibold">Win rate of the row model against the column model (ties count half)</caption>
        <thead className={head}>
          <tr>
            <td className={cell} />
            {matrix.modelIds.map((modelId) => (
              <th key={modelId} scope="col" className={number}>
                {nameOf(modelId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.modelIds.map((rowId, row) => (
            <tr key={rowId} className="border-b last:border-b-0">
              <th scope="row" className={`${cell} font-medium`}>
                {nameOf(rowId)}
              </th>
              {matrix.modelIds.map((columnId, column) => {
                const entry = matrix.cells[row]?.[column];
                return (
                  <td key={columnId} className={number}>
                    {rowId === columnId || !entry || entry.games === 0 ? "–" : `${percent(entry.winRate)} (${entry.games})`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Thumbs up and down on each model's answers in ordinary chats. */
export function FeedbackTable({ leaderboard }: { leaderboard: Leaderboard }) {
  return (
    <div role="region" aria-label="Ratings in chats" tabIndex={0} className={region}>
      <table className="w-full min-w-[28rem] text-left text-sm" data-testid="chat-feedback">
        <caption className="px-4 pt-4 pb-2 text-left text-sm font-semibold">Thumbs up and down in chats</caption>
        <thead className={head}>
          <tr>
            <th scope="col" className={cell}>
              Model
            </th>
            <th scope="col" className={number}>
              Up
            </th>
            <th scope="col" className={number}>
              Down
            </th>
            <th scope="col" className={number}>
              Up rate
            </th>
          </tr>
        </thead>
        <tbody>
          {leaderboard.feedback.length === 0 && (
            <tr>
              <td colSpan={4} className="px-4 py-6 text-center text-muted-foreground">
                No rated answers in this period.
              </td>
            </tr>
          )}
          {leaderboard.feedback.map((row) => (
            <tr key={row.modelId} className="border-b last:border-b-0">
              <th scope="row" className={`${cell} font-medium`}>
                {row.name}
              </th>
              <td className={number}>{row.up}</td>
              <td className={number}>{row.down}</td>
              <td className={number}>{percent(row.upRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
