package genmanual

// scenario is a kind of crisis the playbooks are drawn from. Its messages
// (holding, all-clear, staff notice) are shared by every playbook of the
// kind, as a real manual shares one approved text across stores and regions.
type scenario struct {
	key       string // message prefix and the end of playbook ids
	category  string // the start of playbook ids
	title     string
	severity  []string // drawn from
	down      []string // channel ids
	domains   []string // failure domain ids
	detection string
}

var scenarios = [...]scenario{
	{"facebook", "outage", "Facebook is down", []string{"medium", "high"}, []string{"facebook-page", "messenger"}, nil,
		"Our Facebook page does not load or posting fails, and downdetector or Meta's status page confirm a wider outage."},
	{"instagram", "outage", "Instagram is down", []string{"medium", "high"}, []string{"instagram"}, nil,
		"Posting to Instagram fails from two networks and Meta's status page shows an incident."},
	{"whatsapp", "outage", "WhatsApp Business is down", []string{"high"}, []string{"whatsapp-business"}, nil,
		"Messages to and from WhatsApp Business stay on one tick; suppliers call to say theirs fail too."},
	{"meta", "outage", "Facebook, Instagram and WhatsApp are down together", []string{"high", "critical"}, nil, []string{"meta"},
		"Facebook, Instagram and WhatsApp fail at once: Meta itself is down, not one app."},
	{"x", "outage", "X is down", []string{"low", "medium"}, []string{"x"}, nil,
		"Posting to X fails and the timeline does not load from two networks."},
	{"email", "outage", "Google Workspace mail is down", []string{"high"}, nil, []string{"google"},
		"Mail to and from rioverde.example bounces or queues, and Google's status dashboard shows Gmail down."},
	{"sms", "outage", "The SMS gateway is down", []string{"medium", "high"}, []string{"sms-customers", "sms-staff"}, nil,
		"The SMS gateway rejects sends or delivery receipts stop arriving for a test message to two operators."},
	{"website", "outage", "The online shop and app are down", []string{"high", "critical"}, nil, []string{"hosting"},
		"The shop returns errors or times out from two networks, and the hosting provider's monitoring alerts."},
	{"payments", "outage", "Card payments fail", []string{"critical"}, nil, []string{"backoffice"},
		"Card terminals in several stores decline valid cards, and online checkout fails at the payment step."},
	{"carrier", "delay", "Carrier delays", []string{"low", "medium"}, nil, []string{"logistics"},
		"The carrier's tracking shows more than a day's delay on many parcels, or it warns us of a strike or a depot closure."},
	{"stores", "closure", "Stores closed", []string{"medium", "high"}, nil, []string{"stores"},
		"One or more stores cannot open or must close: power cut, flooding, a strike, or an order from the authorities."},
	{"data", "leak", "Customer data exposed", []string{"critical"}, nil, []string{"backoffice"},
		"Security monitoring, a researcher or a customer reports customer data where it should not be."},
}

// places give playbooks the regional variety of a retailer in three
// countries, with the diacritics real names have.
var places = []string{
	"Valencia", "Málaga", "Córdoba", "A Coruña", "Cádiz", "León", "Logroño", "Almería", "San Sebastián",
	"Kraków", "Łódź", "Gdańsk", "Wrocław", "Poznań", "Toruń",
	"Lisboa", "Porto", "Évora", "Braga", "Setúbal",
}

var contexts = []string{
	"weekday", "Saturday peak", "Black Friday", "Christmas sales", "January sales", "Sunday night",
	"back to school", "summer season", "inventory week", "Easter weekend",
}

type stepDef struct {
	id, title, owner, instructions string
	checklist                      []string
	announce                       string // "" or "press" (press-contact to the press)
}

// middleSteps are the actions between the holding message and the
// all-clear; each playbook takes a few, in this order.
var middleSteps = []stepDef{
	{"inbox", "Answer every comment and message", "customer-care",
		"Answer every question on the fallback channels within the hour.\nLog each complaint for the compensation review.\n",
		[]string{"Replies on every fallback channel within 60 minutes", "Complaints logged for compensation review"}, ""},
	{"press", "Brief the press office", "spokesperson",
		"Send the press contact to the journalists who cover us. Only the spokesperson speaks; store staff refer every call to the press line.\n",
		[]string{"Press contact sent", "Store managers reminded not to give statements"}, "press"},
	{"suppliers", "Tell suppliers and carriers", "operations",
		"Call the carriers with pick-ups today and confirm the new arrangements by e-mail.\n",
		[]string{"Carriers with pick-ups today called", "Changes confirmed in writing"}, ""},
	{"provider", "Escalate to the provider", "ecommerce",
		"Open a priority ticket with the provider and ask for an estimate. Do not publish their estimate until they confirm it in writing.\n",
		[]string{"Priority ticket open", "Ticket number in the incident log"}, ""},
	{"stores-brief", "Brief the store managers", "store-operations",
		"Call each regional manager. Stores put up the printed notice and keep the queue informed; nobody improvises explanations.\n",
		[]string{"Every regional manager called", "Printed notice up in every affected store"}, ""},
	{"status", "Keep the status page current", "ecommerce",
		"Update the status page at every change, even when the change is that nothing has changed.\n",
		nil, ""},
}

var followUps = []struct {
	id, title, owner, deadline string
	checklist                  []string
}{
	{"complaints", "Answer every complaint", "customer-care", "24h", []string{"Every complaint answered personally", "Affected orders logged"}},
	{"compensation", "Compensate affected orders within the approved budget", "customer-care", "72h", []string{"Compensation within the approved budget (10 EUR voucher per affected order)", "Anything above it goes to the approver first"}},
	{"review", "Post-incident review", "spokesperson", "7d", []string{"Journal of the run attached", "Manual changes proposed by pull request"}},
}

var injectPool = []struct {
	event, expect, respond string
}{
	{"A customer asks on X whether an order placed yesterday is lost", "Reply from the template and point to the status page", "reply"},
	{"A journalist calls the store in Łódź asking for a statement", "Refer them to the press line; store staff do not speak to the press", "decision"},
	{"A colleague proposes to post on a channel that is down \"because it sometimes works\"", "Refuse; the channel is down for this scenario and is not a fallback", "decision"},
	{"The provider announces a fix \"within the hour\" on its own blog", "Do not repeat their estimate until it is confirmed; keep the update cadence", "decision"},
	{"A store manager in Córdoba asks whether to close early", "Follow the playbook; only store operations decides closures", "decision"},
	{"An angry customer writes in Portuguese asking for a refund", "Reply from the template in Portuguese and log the complaint", "reply"},
}
