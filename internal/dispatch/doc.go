// Package dispatch sends rendered announcements through real providers:
// e-mail over SMTP, SMS through Twilio, chat webhooks (Slack, Mattermost,
// Discord, Microsoft Teams), Telegram, Mastodon, Bluesky, WhatsApp Business
// template messages and a generic JSON webhook signed with HMAC-SHA256.
//
// Every provider is one small file behind the Target interface. A Target
// sends one announcement and says, for every post or recipient, what
// happened: delivered (with the provider's message id), refused, or
// unknown. The difference matters more here than anywhere else: a retried
// SMS or post reaches real people twice, so an error carries whether
// resending is safe (the provider documents that it did nothing), refused
// (resending fails the same way) or unknown (the provider may have acted;
// someone must check before resending). Retries happen inside a Target only
// for the first kind, with backoff, and a 429 waits for its Retry-After.
//
// Bulk sends (e-mail, SMS and WhatsApp to a recipient list) stream the list
// in constant memory and report each acknowledged batch to a callback, so a
// caller can journal it and resume a crashed send without sending anyone
// the message twice (see Resume).
//
// Secrets (tokens, passwords, webhook URLs that embed a token) come from an
// environment variable or a file readable by its owner only, never from the
// manual; they never appear in errors, logs or returned values.
package dispatch
