import { describe, expect, it } from "vitest";
import { activeLeaf, activePath, newestLeafUnder, pathTo, siblingPositions, type TreeMessage } from "@/lib/chat/message-tree";

// A conversation with alternatives, times in order of writing:
//   q1 ─ a1 ─ q2 ─ a2
//             │    └ a2b        (a regenerated answer)
//             └ q2b ─ a3        (an edited question and its answer)
//   q1x ─ a1x                    (the first question edited)
function message(id: string, parentId: string | null, at: number): TreeMessage {
  return { id, parentId, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, at)) };
}

const tree = [
  message("q1", null, 1),
  message("a1", "q1", 2),
  message("q2", "a1", 3),
  message("a2", "q2", 4),
  message("a2b", "q2", 5),
  message("q2b", "a1", 6),
  message("a3", "q2b", 7),
  message("q1x", null, 8),
  message("a1x", "q1x", 9),
];

const ids = (messages: readonly TreeMessage[]) => messages.map((item) => item.id);

describe("activePath", () => {
  it("walks from the active message up to the root, root first", () => {
    expect(ids(activePath(tree, "a2b"))).toEqual(["q1", "a1", "q2", "a2b"]);
    expect(ids(activePath(tree, "a3"))).toEqual(["q1", "a1", "q2b", "a3"]);
  });

  it("shows the newest message's branch when none is active, or the active one no longer exists", () => {
    expect(ids(activePath(tree, null))).toEqual(["q1x", "a1x"]);
    expect(ids(activePath(tree, "deleted"))).toEqual(["q1x", "a1x"]);
  });

  it("ends where the active message is, even in the middle of a branch", () => {
    expect(ids(activePath(tree, "q2"))).toEqual(["q1", "a1", "q2"]);
  });

  it("is empty for an empty conversation", () => {
    expect(activePath([], null)).toEqual([]);
    expect(activeLeaf([], "x")).toBeNull();
  });

  it("orders messages of the same millisecond by id, as the migration's backfill does", () => {
    const same = [message("b", null, 1), message("a", null, 1)];
    expect(activeLeaf(same, null)?.id).toBe("b");
  });

  it("stops at a cycle in bad data instead of looping", () => {
    const cyclic = [message("x", "y", 1), message("y", "x", 2)];
    expect(ids(pathTo(cyclic, "y"))).toEqual(["x", "y"]);
  });
});

describe("newestLeafUnder", () => {
  it("picks the newest leaf of the branch under an alternative", () => {
    expect(newestLeafUnder(tree, "q2")?.id).toBe("a2b");
    expect(newestLeafUnder(tree, "a1")?.id).toBe("a3");
    expect(newestLeafUnder(tree, "q1")?.id).toBe("a3");
  });

  it("is the message itself when nothing follows it", () => {
    expect(newestLeafUnder(tree, "a2")?.id).toBe("a2");
  });

  it("is null for a message that is not there", () => {
    expect(newestLeafUnder(tree, "other")).toBeNull();
  });
});

describe("siblingPositions", () => {
  it("numbers each message of the path among its alternatives, oldest first, with its neighbours", () => {
    const path = activePath(tree, "a2b");
    const positions = siblingPositions(tree, path);
    expect(positions.get("q1")).toEqual({ index: 1, count: 2, previousId: null, nextId: "q1x" });
    expect(positions.get("a1")).toEqual({ index: 1, count: 1, previousId: null, nextId: null });
    expect(positions.get("q2")).toEqual({ index: 1, count: 2, previousId: null, nextId: "q2b" });
    expect(positions.get("a2b")).toEqual({ index: 2, count: 2, previousId: "a2", nextId: null });
  });

  it("treats a message whose parent is missing as a root", () => {
    const orphaned = [message("r", null, 1), message("o", "gone", 2)];
    expect(siblingPositions(orphaned, [orphaned[1] as TreeMessage]).get("o")).toEqual({ index: 2, count: 2, previousId: "r", nextId: null });
  });
});
