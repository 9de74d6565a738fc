/** A mistake in how the CLI was called or what it was given: exit code 2 with this message. */
export class UsageError extends Error {}

/** Input that cannot be read or parsed: exit code 2 with this message, without the usage text (the call was right). */
export class InputError extends Error {}
