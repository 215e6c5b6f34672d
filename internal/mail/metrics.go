package mail

import "github.com/prometheus/client_golang/prometheus"

// PoolStats describes a Sender's connection pool at one moment.
type PoolStats struct {
	InUse, Idle, Max int
	// Dials and DialFailures count connections opened and failed to open;
	// Waits counts sends that found every connection busy and waited.
	Dials, DialFailures, Waits int64
}

// Stats returns the pool's current state.
func (s *Sender) Stats() PoolStats {
	s.mu.Lock()
	idle := len(s.idle)
	s.mu.Unlock()
	return PoolStats{InUse: len(s.slots), Idle: idle, Max: cap(s.slots),
		Dials: s.dials.Load(), DialFailures: s.dialFailures.Load(), Waits: s.waits.Load()}
}

var (
	smtpConnsDesc = prometheus.NewDesc("roster_smtp_connections", "SMTP connections of the pool by state (in_use: sends in progress, idle: open and unused).", []string{"state"}, nil)
	smtpMaxDesc   = prometheus.NewDesc("roster_smtp_connections_max", "Most SMTP connections the pool keeps (SMTP_CONNECTIONS).", nil, nil)
	smtpDialsDesc = prometheus.NewDesc("roster_smtp_dials_total", "SMTP connections opened.", nil, nil)
	smtpFailDesc  = prometheus.NewDesc("roster_smtp_dial_failures_total", "SMTP connections that failed to open (TCP, TLS, EHLO or AUTH).", nil, nil)
	smtpWaitsDesc = prometheus.NewDesc("roster_smtp_waits_total", "Sends that waited for a free SMTP connection.", nil, nil)
)

// Collector returns a Prometheus collector of the pool's stats.
func (s *Sender) Collector() prometheus.Collector { return senderCollector{s} }

type senderCollector struct{ s *Sender }

func (c senderCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{smtpConnsDesc, smtpMaxDesc, smtpDialsDesc, smtpFailDesc, smtpWaitsDesc} {
		ch <- d
	}
}

func (c senderCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.s.Stats()
	ch <- prometheus.MustNewConstMetric(smtpConnsDesc, prometheus.GaugeValue, float64(st.InUse), "in_use")
	ch <- prometheus.MustNewConstMetric(smtpConnsDesc, prometheus.GaugeValue, float64(st.Idle), "idle")
	ch <- prometheus.MustNewConstMetric(smtpMaxDesc, prometheus.GaugeValue, float64(st.Max))
	ch <- prometheus.MustNewConstMetric(smtpDialsDesc, prometheus.CounterValue, float64(st.Dials))
	ch <- prometheus.MustNewConstMetric(smtpFailDesc, prometheus.CounterValue, float64(st.DialFailures))
	ch <- prometheus.MustNewConstMetric(smtpWaitsDesc, prometheus.CounterValue, float64(st.Waits))
}
