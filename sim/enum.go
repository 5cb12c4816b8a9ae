package sim

import (
	"fmt"
	"strings"
)

// The named enumerations of a run's record (EventType, Proposal, Kind,
// Origin, EndCause, Entry, Exit) are written by name in JSON and read back
// by name, so that events.jsonl and `run --json` decode into EventRecord
// and Result. A value out of range prints as Type(n) and does not marshal.

// enumName is names[v], or typ(v) for a value out of range.
func enumName[T ~int](names []string, typ string, v T) string {
	if v < 0 || int(v) >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, int(v))
	}
	return names[v]
}

// enumText is names[v] as text, or an error for a value out of range.
func enumText[T ~int](names []string, typ string, v T) ([]byte, error) {
	if v < 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("sim: %s(%d) has no name; allowed: 0 to %d", typ, int(v), len(names)-1)
	}
	return []byte(names[v]), nil
}

// enumParse is the value named text.
func enumParse[T ~int](names []string, typ string, text []byte, v *T) error {
	for i, n := range names {
		if n == string(text) {
			*v = T(i)
			return nil
		}
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return fmt.Errorf("sim: %q is not %s %s; allowed: %s", text, article(typ), typ, strings.Join(quoted, ", "))
}

// article is the indefinite article of an enumeration's type name: "an"
// before a vowel (an Origin, an EndCause), else "a" (a Kind).
func article(typ string) string {
	if typ != "" && strings.ContainsRune("AEIOU", rune(typ[0])) {
		return "an"
	}
	return "a"
}

func (t EventType) String() string { return enumName(eventTypeNames[:], "EventType", t) }

// MarshalText writes the type's name.
func (t EventType) MarshalText() ([]byte, error) { return enumText(eventTypeNames[:], "EventType", t) }

// UnmarshalText reads a type's name.
func (t *EventType) UnmarshalText(b []byte) error {
	return enumParse(eventTypeNames[:], "EventType", b, t)
}

func (p Proposal) String() string { return enumName(proposalNames[:], "Proposal", p) }

// MarshalText writes the proposal's name.
func (p Proposal) MarshalText() ([]byte, error) { return enumText(proposalNames[:], "Proposal", p) }

// UnmarshalText reads a proposal's name.
func (p *Proposal) UnmarshalText(b []byte) error {
	return enumParse(proposalNames[:], "Proposal", b, p)
}

func (k Kind) String() string { return enumName(kindNames[:], "Kind", k) }

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return enumText(kindNames[:], "Kind", k) }

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error { return enumParse(kindNames[:], "Kind", b, k) }

func (o Origin) String() string { return enumName(originNames[:], "Origin", o) }

// MarshalText writes the origin's name.
func (o Origin) MarshalText() ([]byte, error) { return enumText(originNames[:], "Origin", o) }

// UnmarshalText reads an origin's name.
func (o *Origin) UnmarshalText(b []byte) error { return enumParse(originNames[:], "Origin", b, o) }

func (e EndCause) String() string { return enumName(endCauseNames[:], "EndCause", e) }

// MarshalText writes the cause's name.
func (e EndCause) MarshalText() ([]byte, error) { return enumText(endCauseNames[:], "EndCause", e) }

// UnmarshalText reads a cause's name.
func (e *EndCause) UnmarshalText(b []byte) error {
	return enumParse(endCauseNames[:], "EndCause", b, e)
}

func (e Entry) String() string { return enumName(entryNames[:], "Entry", e) }

// MarshalText writes the entry's name.
func (e Entry) MarshalText() ([]byte, error) { return enumText(entryNames[:], "Entry", e) }

// UnmarshalText reads an entry's name.
func (e *Entry) UnmarshalText(b []byte) error { return enumParse(entryNames[:], "Entry", b, e) }

func (e Exit) String() string { return enumName(exitNames[:], "Exit", e) }

// MarshalText writes the exit's name.
func (e Exit) MarshalText() ([]byte, error) { return enumText(exitNames[:], "Exit", e) }

// UnmarshalText reads an exit's name.
func (e *Exit) UnmarshalText(b []byte) error { return enumParse(exitNames[:], "Exit", b, e) }
