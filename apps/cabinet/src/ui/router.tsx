import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/** Enough routing for a handful of pages: the History API and one listener. */
export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function Link({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  const go = (e: MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={go} data-testid={testId}>
      {children}
    </a>
  );
}
