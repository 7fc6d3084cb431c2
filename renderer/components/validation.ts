import { MIN_PASSPHRASE_LENGTH, UserName } from '../../shared/schemas/common';

/** Client-side checks that mirror the contract, so people see problems before anything is sent. */
export type Problem = 'required' | 'userName' | 'passphraseTooShort' | 'mismatch' | 'range';

export function requiredProblem(value: string): Problem | null {
  return value.trim() === '' ? 'required' : null;
}

export function userNameProblem(value: string): Problem | null {
  if (value.trim() === '') return 'required';
  return UserName.safeParse(value).success ? null : 'userName';
}

export function passphraseProblem(value: string): Problem | null {
  if (value === '') return 'required';
  return [...value].length < MIN_PASSPHRASE_LENGTH ? 'passphraseTooShort' : null;
}

export function repeatProblem(passphrase: string, repeat: string): Problem | null {
  if (repeat === '') return 'required';
  return passphrase === repeat ? null : 'mismatch';
}

export type Problems<K extends string> = Partial<Record<K, Problem | null>>;

export const hasProblems = (p: Problems<string>): boolean =>
  Object.values(p).some((v) => v !== null && v !== undefined);

/** Focuses the first invalid input inside a form (after React rendered the errors). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
