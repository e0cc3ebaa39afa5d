import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { webSocketUrl } from '../../../lib/web-socket-url';
import { getSession } from '../api/coaching';
import { CoachChat } from './coach-chat';
import { ReconnectingSocket, type SocketOptions } from './reconnecting-socket';

export const COACH_SOCKET_PATH = '/api/coaching/ws';

/** A coaching chat bound to its own WebSocket for as long as the component is shown. */
export function useCoachChat(sessionId: string | null, options: SocketOptions = {}) {
  const [chat] = useState(() => new CoachChat({ getSession: (id) => getSession(id) }));
  const optionsRef = useRef(options);

  useEffect(() => {
    const socket = new ReconnectingSocket(
      () => webSocketUrl(COACH_SOCKET_PATH),
      { onFrame: (data) => chat.onFrame(data), onState: (state) => chat.onConnection(state) },
      optionsRef.current,
    );
    chat.attach(socket);
    socket.start();
    return () => socket.close();
  }, [chat]);

  useEffect(() => {
    // a session opened just now for a first message is already shown (and its message in flight)
    if (chat.snapshot().sessionId !== sessionId) {
      void chat.open(sessionId);
    }
  }, [chat, sessionId]);

  const state = useSyncExternalStore(chat.subscribe, chat.snapshot);
  return { state, chat };
}
