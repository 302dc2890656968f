package manual

import (
	"io/fs"
	"time"

	"github.com/crisis-cli/crisis/internal/diag"
)

// FormatVersion is the newest manual format this build reads. Every file says
// which version it was written for in its `crisis:` key, so the format can
// evolve without old manuals being misread: a 1.0 file stays valid as it is,
// and a file opts in to what 1.1 adds by saying `crisis: 1.1`.
const FormatVersion = "1.1"

// Format versions a file can say it is written in.
const (
	Format10 = "1"
	Format11 = "1.1"
)

// Pos is a position in a manual file; see diag.Pos.
type Pos = diag.Pos

// Ref is a reference to something declared elsewhere in the manual (a role,
// a channel, a message ...), kept with its position so a dangling reference
// can be reported where it was written.
type Ref struct {
	ID  string
	Pos Pos
}

// Manual is a whole crisis manual: its metadata, channels, people and every
// playbook and message template, as loaded from one folder.
type Manual struct {
	Root string // the folder it was loaded from ("embedded" for the built-in example)
	File string // the manual file, relative to Root
	// Format is the version the manual file says it is written in:
	// Format10 or Format11.
	Format string
	// FS holds the files it was loaded from, to read a text's line again
	// when an error found later names a column in it (see SourceLine).
	FS fs.FS

	Organisation  string
	Version       string // the organisation's own version of the manual
	TimeZone      string
	Location      *time.Location
	Approval      Approval
	Locales       Locales
	FirstResponse time.Duration // a holding message must go out within this
	DrillEvery    time.Duration // each playbook should be rehearsed this often (0: no requirement)

	Audiences []Audience
	Domains   []Domain
	Channels  []Channel
	Roles     []Role
	People    []Person
	Variables []Variable // shared by every playbook
	Replies   []Reply    // the reply library (1.1)
	// Markets are where the organisation's readers live (format 1.1):
	// each with its locale, zone and facts; none in a 1.0 manual.
	Markets []Market

	Playbooks []*Playbook
	// Translations holds every playbook translation file read, also
	// those of a playbook the manual lacks; each playbook's own are in
	// its Translations.
	Translations []*Translation
	Templates    []*TemplateFile // one per locale

	// Files lists every manual file found, read or refused: the manual
	// file first, then playbooks and message files in name order.
	// Sources holds the bytes of those that were read: lint takes
	// suppression comments and quoted lines from them instead of reading
	// the files again, and a file refused (a link out of the manual, a
	// pipe, a file too big) has no bytes anything could quote.
	Files   []string
	Sources map[string][]byte

	// At holds the position of each top-level key's value in the manual
	// file, for findings about a whole section ("approval", "locales"...).
	At Positions
}

// Approval records that the directors approved the manual, and until when
// that approval holds.
type Approval struct {
	ApprovedBy  []Ref // people
	ApprovedOn  time.Time
	ReviewEvery time.Duration
	At          Positions
}

// NextReview is when the manual must be reviewed again.
func (a Approval) NextReview() time.Time { return a.ApprovedOn.Add(a.ReviewEvery) }

// Locales lists the languages the manual's messages are written in.
type Locales struct {
	Default   string
	Supported []string
	// DrillMarks overrides the built-in exercise mark of a locale
	// (format 1.1); see Manual.DrillMarkFor.
	DrillMarks   map[string]string
	DrillMarksAt map[string]Pos
	// DrillMarksOn are a locale's marks for one channel kind or one
	// channel (by locale, then kind or channel id), where they differ
	// from the locale's: see drillmark.go.
	DrillMarksOn   map[string]map[string]string
	DrillMarksOnAt map[string]map[string]Pos
	Pos            Pos
}

// Audience is a group of people the business must reach: customers, staff,
// suppliers, press ...
type Audience struct {
	ID          string
	Description string
	// Visibility is VisibilityPublic or VisibilityInternal (1.1); a
	// 1.0 audience, which cannot say, is public.
	Visibility string
	Markets    []Ref // the markets it lives in (format 1.1); empty: all
	Pos        Pos
}

// Domain is a failure domain: the provider a set of channels depends on.
// Channels in one domain fail together (Facebook, Instagram, WhatsApp and
// Messenger all depend on Meta).
type Domain struct {
	ID          string
	Description string
	Pos         Pos
}

// Channel is one way the business reaches an audience.
type Channel struct {
	ID        string
	Kind      string // a channel kind known to internal/channel: sms, email, x, ...
	Name      string
	Audiences []Ref
	Domain    Ref
	Owner     Ref // a role
	Limit     int // overrides the kind's default limit when > 0
	Hashtags  int // overrides the hashtag cap (instagram) when > 0
	// Target is where `send` delivers this channel's announcements; nil
	// keeps the copy-and-mark flow.
	Target *Target
	// Locales are the languages the channel speaks, as written; empty
	// when not said. Manual.Speaks is the one place that decides what a
	// channel speaks, defaults included.
	Locales   []string
	LocalesAt []Pos // where each of Locales is written
	Markets   []Ref // the markets it reaches (format 1.1); empty: all
	Pos       Pos
	At        Positions
}

// Role is a responsibility in a crisis (spokesperson, approver, community
// manager ...), held by one person with deputies in order.
type Role struct {
	ID       string
	Title    string
	Person   Ref
	Deputies []Ref
	Pos      Pos
	At       Positions
}

// Person is someone the manual names, with every way to reach them.
type Person struct {
	ID       string
	Name     string
	Role     string // what they do, shown after the name (format 1.1)
	Contacts []Contact
	Pos      Pos
}

// Contact is one way to reach a person. Via is a channel kind (phone, sms,
// whatsapp, email, signal ...); its failure domain is the kind's usual
// provider unless Domain says otherwise.
type Contact struct {
	Via    string
	Value  string
	Domain Ref
	Pos    Pos
}

// Variable is a value a message needs (the platform that is down, a store's
// address ...), declared once with what a person filling it in must know.
type Variable struct {
	Name        string
	Description string
	Example     string
	MaxLength   int    // in characters, at most MaxVariableLength; 0 means unbounded
	Type        string // text, count, time, url
	Required    bool
	// Later (1.1, known: later) is a fact learned during the run: not
	// asked at its start but on reaching the step By; texts that need it
	// wait until it is set.
	Later bool
	By    Ref
	// Format is the version of the file that declares it: in 1.1 an
	// optional variable without a value renders empty in a run, where in
	// 1.0 its example stood for the value.
	Format string
	// PerMarket: each market gives its own value in its values (format
	// 1.1), e.g. a support phone.
	PerMarket bool
	Pos       Pos
	// ExamplePos is where Example is written; its zero value when the
	// variable has none.
	ExamplePos Pos
}

// Severity of a scenario.
const (
	SeverityLow      = "low"
	SeverityMedium   = "medium"
	SeverityHigh     = "high"
	SeverityCritical = "critical"
)

// Playbook is one scenario: what is down, who leads, which channels replace
// the dead ones, and the steps to follow.
type Playbook struct {
	ID        string // the file name without .yaml: what users type
	File      string // relative to the manual root
	Format    string // Format10 or Format11, as the file says
	Title     string
	Severity  string
	Detection string
	Down      Down
	Fallbacks []Fallback // per audience, in the order written
	Speaker   Ref        // role
	Approver  Ref        // role
	Variables []Variable
	Steps     []Step
	Updates   []Cadence // 1.0: at most one, written as a mapping; 1.1: a list
	FollowUp  []Step
	Drill     Drill
	// Translations holds the playbook's texts in other locales than the
	// manual's default, in file name order (see In and Localize).
	Translations []*Translation
	Pos          Pos
	At           Positions
	// manualDescriptions holds, in a playbook localized by
	// Manual.Localize, the descriptions of the manual's variables in its
	// language (see Describe).
	manualDescriptions map[string]string
}

// Down says what has failed in a scenario.
type Down struct {
	Domains  []Ref
	Channels []Ref
}

// Fallback lists the channels that replace the dead ones for one audience,
// best first.
type Fallback struct {
	Audience Ref
	Channels []Ref
}

// Step kinds. A holding step sends the first "we know, we are on it"
// message; the all-clear closes the incident.
const (
	StepAction   = "action"
	StepHolding  = "holding"
	StepAllClear = "all-clear"
	// StepGate (1.1) is a legal or data-protection deadline (notify the
	// authority within 72 h), measured from when its From step was done.
	StepGate     = "gate"
	StepDecision = "decision" // 1.1: the operator chooses one of its Options (decision.go)
)

// Step is one action in a playbook, owned by a role, due at a deadline
// measured from the start of the incident (for follow-up steps: from the
// all-clear).
type Step struct {
	ID           string
	Title        string
	Kind         string
	Owner        Ref
	Deadline     time.Duration
	Instructions string
	Checklist    []string
	Announce     []Announcement
	// Approval (1.1) is who must approve the step's texts; nil: the
	// playbook's approver, as in 1.0.
	Approval *Gate
	// From (1.1, gate steps) is the step whose completion starts the
	// deadline; empty: the start of the incident.
	From Ref
	// Replies (1.1) are replies of the manual's library: an inbox step.
	Replies []Ref
	// Options are a decision step's options (1.1).
	Options []Option
	Pos     Pos
	At      Positions
}

// Announcement says which message goes to which audiences on which channels.
type Announcement struct {
	Message   Ref
	Audiences []Ref
	Channels  []Ref
	Approval  *Gate // 1.1: overrides its step's
	Pos       Pos
}

// Cadence is one rhythm of updates after the holding message: its message
// goes to its audiences on its channels every Every, or by Phases ("every
// 20m for 2h, then every 60m"), and with OnChange also when the run's state
// or update note changes. A 1.0 playbook has at most one, without an ID.
type Cadence struct {
	ID        string // 1.1; empty for a 1.0 mapping
	Every     time.Duration
	Phases    []Phase // 1.1; empty when Every is given
	OnChange  bool    // 1.1
	After     Ref     // the step after which updates start; default: the holding step
	Message   Ref
	Audiences []Ref
	Channels  []Ref
	Pos       Pos
	At        Positions
}

// Phase is one stretch of a cadence: updates every Every for For, the last
// phase (For zero) until the all-clear.
type Phase struct {
	Every time.Duration
	For   time.Duration
	Pos   Pos
	At    Positions
}

// Drill holds what a rehearsal of the playbook adds: injects that arrive at
// their time offsets and ask the trainee for a response.
type Drill struct {
	Injects []Inject
}

// Inject is a scripted event in a drill.
type Inject struct {
	At      time.Duration
	Event   string
	Expect  string
	Respond string // "decision" or "reply"
	Message Ref    // for replies: the message template to draft from
	// Channel and Market (format 1.1, for replies): where the answer goes
	// out, whose kind and market facts and clock the draft is written
	// with; Market chooses among the channel's markets.
	Channel Ref
	Market  Ref
	Pos     Pos
}
