import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/schema';

const Context = createContext<Me | null>(null);

/** GET /v1/me once per session: who is signed in and what they may do (the API's permission list). */
export function MeProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    void api.GET('/v1/me').then(({ data }) => data && setMe(data));
  }, []);
  return me ? <Context.Provider value={me}>{children}</Context.Provider> : <>{fallback}</>;
}

export function useMe(): Me {
  const me = useContext(Context);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}

export const can = (me: Me, permission: Me['permissions'][number]): boolean => me.permissions.includes(permission);
