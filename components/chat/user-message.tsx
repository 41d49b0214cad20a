/** One message the user sent, on the right. */
export function UserMessage({ text }: { text: string }) {
  return (
    <article aria-label="Your message" className="flex justify-end">
      <div
        data-testid="message-text"
        className="max-w-[85%] rounded-2xl rounded-br-md bg-primary/10 px-4 py-2.5 text-[15px] leading-6 break-words whitespace-pre-wrap dark:bg-primary/20"
      >
        {text}
      </div>
    </article>
  );
}
