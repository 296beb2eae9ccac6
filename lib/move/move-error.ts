/**
 * A move that cannot go on, with a message the person running `npm run move` can act on. The
 * command prints the message alone (no stack) and exits 1; anything else is a bug and prints more.
 */
export class MoveError extends Error {
  override name = "MoveError";
}

/** Tests only (`stopAfter`): the move stopped on purpose, as an interrupted run would. */
export class MoveStopped extends Error {
  override name = "MoveStopped";
}
