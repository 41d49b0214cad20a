// What the sign-up server action answers; shared by the action and the form that shows it.

export type SignUpField = "name" | "email" | "password";

export type SignUpState =
  | { status: "idle" }
  | { status: "success" }
  | { status: "invalid_data"; message: string; fieldErrors: Partial<Record<SignUpField, string>> }
  | { status: "failed"; message: string };

export const initialSignUpState: SignUpState = { status: "idle" };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 320;
