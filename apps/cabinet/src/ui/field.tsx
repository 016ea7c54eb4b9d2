import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with the API's message for its path (problem+json `errors[].path`) right below it. */
export function Field({
  path,
  label,
  error,
  children,
  ...input
}: { path: string; label: string; error?: string; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${path}`;
  return (
    <div className="field" data-field={path}>
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} name={path} aria-invalid={error ? true : undefined} {...input} />}
      {error && (
        <p className="field-error" role="alert" data-testid={`error-${path}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message from the API that belongs to no field. */
export function ProblemMessage({ message }: { message: string | null }) {
  return message ? (
    <p className="problem" role="alert" data-testid="problem">
      {message}
    </p>
  ) : null;
}
