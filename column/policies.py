"""Starting text for the terms and privacy pages; editors revise them in the CMS."""

TERMS_BODY = """
<h2>What the column is</h2>
<p>Dearly publishes letters from readers and answers from licensed therapists. The answers are
general information for everyone who reads them. They are not therapy, diagnosis or treatment,
and no therapeutic relationship exists between a reader and a columnist.</p>
<h2>Comments</h2>
<p>Every comment is read by a moderator before it appears. Be kind to the letter writer and to
each other. We do not publish comments that diagnose people you have never met, reveal someone
else's private details or images, harass, advertise, or encourage anyone to hurt themselves.</p>
<p>Your name appears with your comment. Your email address never appears anywhere; moderators
use it only if they need to reach you about your comment.</p>
<h2>If you are in crisis</h2>
<p>Comments are not watched around the clock. If you are in danger, use the services on our
<a href="/help-now/">help page</a> instead.</p>
"""

PRIVACY_BODY = """
<h2>What we keep</h2>
<p>When you comment we keep your name, your email address and your comment. When you write a
letter we keep the letter, your pen name and, if you give it, your email address.</p>
<h2>Who sees it</h2>
<p>Only our editors, moderators and the therapist answering your letter see what you send us.
We never sell it, never show your email address, and never send your words to outside services
for analysis or advertising.</p>
<h2>How long</h2>
<p>Original letters are deleted a set time after their answer is published or declined. Hashed
IP addresses, kept to stop floods and abuse, are deleted after 30 days. You may ask us at any
time for a copy of what we hold about you, or for its erasure, at
<a href="/privacy/my-data/">Your data</a>.</p>
"""
