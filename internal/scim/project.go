package scim

import (
	"slices"
	"strings"
)

// alwaysReturned are the attributes every response holds (RFC 7643 §7,
// returned "always").
var alwaysReturned = []string{"id", "schemas"}

// attrName returns the lower-case dotted name of an attribute as the
// attributes and excludedAttributes parameters give it, without the
// resource's core schema URN.
func attrName(core, a string) string {
	a = strings.ToLower(strings.TrimSpace(a))
	if p := strings.ToLower(core) + ":"; strings.HasPrefix(a, p) {
		a = a[len(p):]
	}
	return a
}

// shows reports whether a response with these parameters holds the
// top-level attribute name (lower case).
func shows(core, name string, attributes, excluded []string) bool {
	if len(attributes) > 0 {
		for _, a := range attributes {
			if top, _, _ := strings.Cut(attrName(core, a), "."); top == name {
				return true
			}
		}
		return false
	}
	for _, a := range excluded {
		if attrName(core, a) == name {
			return false
		}
	}
	return true
}

// project keeps the attributes asked for (RFC 7644 §3.4.2.5): with
// attributes, only those (and a complex attribute's sub-attributes when
// named as attr.sub); with excludedAttributes, all but those. id and schemas
// always stay.
func project(res map[string]any, core string, attributes, excluded []string) map[string]any {
	if len(attributes) == 0 && len(excluded) == 0 {
		return res
	}
	out := map[string]any{}
	for k, v := range res {
		lk := strings.ToLower(k)
		if slices.Contains(alwaysReturned, lk) {
			out[k] = v
			continue
		}
		if len(attributes) > 0 {
			var subs []string
			whole := false
			for _, a := range attributes {
				top, sub, hasSub := strings.Cut(attrName(core, a), ".")
				if top != lk {
					continue
				}
				if !hasSub {
					whole = true
				} else {
					subs = append(subs, sub)
				}
			}
			switch {
			case whole:
				out[k] = v
			case len(subs) > 0:
				out[k] = keepSubs(v, subs, true)
			}
			continue
		}
		var subs []string
		drop := false
		for _, a := range excluded {
			top, sub, hasSub := strings.Cut(attrName(core, a), ".")
			if top != lk {
				continue
			}
			if !hasSub {
				drop = true
			} else {
				subs = append(subs, sub)
			}
		}
		switch {
		case drop:
		case len(subs) > 0:
			out[k] = keepSubs(v, subs, false)
		default:
			out[k] = v
		}
	}
	return out
}

// keepSubs keeps (or, with keep false, drops) the named sub-attributes of a
// complex value or of each value of a multi-valued one.
func keepSubs(v any, subs []string, keep bool) any {
	filterMap := func(m map[string]any) map[string]any {
		out := map[string]any{}
		for k, x := range m {
			if slices.Contains(subs, strings.ToLower(k)) == keep {
				out[k] = x
			}
		}
		return out
	}
	switch v := v.(type) {
	case map[string]any:
		return filterMap(v)
	case []map[string]any:
		out := make([]map[string]any, len(v))
		for i, m := range v {
			out[i] = filterMap(m)
		}
		return out
	}
	return v
}
