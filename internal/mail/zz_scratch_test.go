package mail_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/rosterhq/roster/internal/mail"
)

// delayProxy forwards to target, sleeping d before forwarding each chunk.
func delayProxy(t *testing.T, target string, d time.Duration) string {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, _ := net.Dial("tcp", target)
			pipe := func(dst, src net.Conn) {
				buf := make([]byte, 64<<10)
				for {
					n, err := src.Read(buf)
					if n > 0 {
						time.Sleep(d)
						dst.Write(buf[:n])
					}
					if err != nil {
						dst.Close()
						return
					}
				}
			}
			go pipe(u, c)
			go pipe(c, u)
		}
	}()
	return ln.Addr().String()
}

func TestScratch(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SCRATCH_N"))
	delay, _ := time.ParseDuration(os.Getenv("SCRATCH_DELAY"))
	senders, _ := strconv.Atoi(os.Getenv("SCRATCH_SENDERS"))
	conns, _ := strconv.Atoi(os.Getenv("SCRATCH_CONNS"))
	mode := os.Getenv("SCRATCH_MODE")
	srv := startCapture(t)
	addr := delayProxy(t, srv.Addr(), delay)
	s := newSender(t, "smtp://"+addr, "none", conns)
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	var sem chan struct{} = make(chan struct{}, conns)
	for range senders {
		wg.Go(func() {
			for i := range jobs {
				m := testMessage(fmt.Sprintf("u%d@example.com", i))
				var err error
				if mode == "dial" {
					sem <- struct{}{}
					c, _ := gomail.NewClient(host, gomail.WithPort(p), gomail.WithTLSPolicy(gomail.NoTLS))
					msg := gomail.NewMsg()
					msg.From("no-reply@example.com")
					msg.To(m.To)
					msg.Subject(m.Subject)
					msg.SetBodyString(gomail.TypeTextPlain, m.Text)
					msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
					err = c.DialAndSendWithContext(context.Background(), msg)
					<-sem
				} else {
					err = s.Send(t.Context(), m)
				}
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	d := time.Since(start)
	_ = mail.ErrClosed
	fmt.Printf("RESULT mode=%s noop=%q delay=%v senders=%d conns=%d: %d msgs in %v (%.0f/s), %d SMTP connections, got %d\n", mode, os.Getenv("SCRATCH_NOOP"), delay, senders, conns, n, d.Round(time.Millisecond), float64(n)/d.Seconds(), srv.Connections(), len(srv.Messages()))
}
