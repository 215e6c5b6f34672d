// Package livetest is a minimal GraphQL subscription client for tests: the
// graphql-transport-ws protocol over WebSocket, and GraphQL over
// Server-Sent Events.
package livetest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"
)

// Message is one message of the server: next, error or complete (WebSocket),
// or one event of a Server-Sent Events stream (Type next or complete).
type Message struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Result is the payload of a next message.
type Result struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// Result decodes a next message's payload.
func (m Message) Result(t testing.TB) Result {
	t.Helper()
	var r Result
	require.NoError(t, json.Unmarshal(m.Payload, &r), "payload %s", m.Payload)
	return r
}

// Code returns extensions.code of the first error of a next or error message.
func (m Message) Code(t testing.TB) string {
	t.Helper()
	var errs []struct {
		Extensions map[string]any `json:"extensions"`
	}
	if m.Type == "error" {
		require.NoError(t, json.Unmarshal(m.Payload, &errs), "payload %s", m.Payload)
	} else {
		r := m.Result(t)
		for _, e := range r.Errors {
			errs = append(errs, struct {
				Extensions map[string]any `json:"extensions"`
			}{e.Extensions})
		}
	}
	require.NotEmpty(t, errs, "an error in %s %s", m.Type, m.Payload)
	code, _ := errs[0].Extensions["code"].(string)
	return code
}

// WS is a graphql-transport-ws connection.
type WS struct {
	t    testing.TB
	conn *websocket.Conn
	in   chan Message
	mu   sync.Mutex
}

// Dial connects to baseURL's /graphql (http:// or https://) with
// subprotocol graphql-transport-ws, sends connection_init with
// Authorization "Bearer <token>" when token is not empty, and waits for the
// acknowledgement. It answers the server's pings, and closes when the test
// ends.
func Dial(t testing.TB, baseURL, token string) *WS {
	t.Helper()
	ws, err := DialErr(t, baseURL, token)
	require.NoError(t, err)
	return ws
}

// DialErr is Dial returning the error of a refused connection.
func DialErr(t testing.TB, baseURL, token string) (*WS, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(baseURL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(1 << 22)
	w := &WS{t: t, conn: conn, in: make(chan Message, 1024)}
	t.Cleanup(func() { _ = conn.CloseNow() })
	init := map[string]any{"type": "connection_init"}
	if token != "" {
		init["payload"] = map[string]any{"Authorization": "Bearer " + token}
	}
	if err := w.send(init); err != nil {
		return nil, err
	}
	for {
		var m Message
		if err := w.read(ctx, &m); err != nil {
			return nil, err
		}
		if m.Type == "connection_ack" {
			break
		}
	}
	go w.loop()
	return w, nil
}

func (w *WS) read(ctx context.Context, m *Message) error {
	_, b, err := w.conn.Read(ctx)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, m)
}

func (w *WS) send(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return w.conn.Write(ctx, websocket.MessageText, b)
}

// loop answers pings and queues every other message; it closes in when the
// connection ends.
func (w *WS) loop() {
	defer close(w.in)
	for {
		var m Message
		if err := w.read(context.Background(), &m); err != nil {
			return
		}
		switch m.Type {
		case "ping":
			_ = w.send(map[string]any{"type": "pong"})
		case "pong":
		default:
			w.in <- m
		}
	}
}

// Subscribe starts a subscription with the given id.
func (w *WS) Subscribe(id, query string, vars map[string]any) {
	w.t.Helper()
	require.NoError(w.t, w.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}}))
}

// Stop ends the subscription with the given id.
func (w *WS) Stop(id string) {
	w.t.Helper()
	require.NoError(w.t, w.send(map[string]any{"id": id, "type": "complete"}))
}

// Next returns the next message, failing the test after within.
func (w *WS) Next(within time.Duration) Message {
	w.t.Helper()
	select {
	case m, ok := <-w.in:
		require.True(w.t, ok, "the connection closed")
		return m
	case <-time.After(within):
		w.t.Fatalf("no message within %s", within)
	}
	return Message{}
}

// Quiet fails the test when a message arrives within d.
func (w *WS) Quiet(d time.Duration) {
	w.t.Helper()
	select {
	case m, ok := <-w.in:
		if ok {
			w.t.Fatalf("unexpected message %s %s", m.Type, m.Payload)
		}
	case <-time.After(d):
	}
}

// Drain discards messages until none arrives for quiet.
func (w *WS) Drain(quiet time.Duration) {
	for {
		select {
		case _, ok := <-w.in:
			if !ok {
				return
			}
		case <-time.After(quiet):
			return
		}
	}
}

// Closed waits until the server closes the connection.
func (w *WS) Closed(within time.Duration) {
	w.t.Helper()
	deadline := time.After(within)
	for {
		select {
		case _, ok := <-w.in:
			if !ok {
				return
			}
		case <-deadline:
			w.t.Fatalf("the connection is still open after %s", within)
		}
	}
}

// SSE posts a subscription to baseURL's /graphql with Accept:
// text/event-stream and returns its events (next, then complete), closed
// when the stream ends. The stream is cancelled when the test ends.
func SSE(t testing.TB, baseURL, token, query string, vars map[string]any) <-chan Message {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/graphql", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, resp.Header.Get("Content-Type"), "text/event-stream")
	out := make(chan Message, 1024)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
				if event == "complete" {
					out <- Message{Type: "complete"}
				}
			case strings.HasPrefix(line, "data: "):
				out <- Message{Type: event, Payload: json.RawMessage(strings.TrimPrefix(line, "data: "))}
			case line == "":
				event = ""
			}
		}
	}()
	return out
}
