"""Cross-site scripting payloads in the style of OWASP's XSS Filter Evasion and XSS Prevention
cheat sheets, written out as an attacker would type them.

Each one that ran would call alert/confirm/prompt with its own number (1 to 72), or set
`window.__xss`, so the browser test can tell which one got through. Every payload is one line
with no space at either end: forms strip outer whitespace and text inputs drop newlines, and the
test looks for each payload verbatim in what the page shows.
"""

PAYLOADS: tuple[str, ...] = (
    # Plain script and event-handler injection.
    "<script>alert(1)</script>",
    '<script src="data:text/javascript,alert(2)"></script>',
    "<img src=x onerror=alert(3)>",
    '<IMG SRC="javascript:alert(4);">',
    "<IMG SRC=javascript:alert(5)>",
    "<IMG SRC=JaVaScRiPt:alert(6)>",
    "<IMG SRC=`javascript:alert(7)`>",
    '<IMG """><SCRIPT>alert(8)</SCRIPT>">',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83,9))>",
    '<IMG SRC=# onmouseover="alert(10)">',
    '<IMG SRC= onmouseover="alert(11)">',
    '<IMG onmouseover="alert(12)">',
    '<IMG SRC=/ onerror="alert(13)"></img>',
    # Character references: decimal, hexadecimal without semicolons, and split schemes.
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(14)>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61lert(15)>",
    '<IMG SRC="jav&#x09;ascript:alert(16);">',
    '<IMG SRC="jav&#x0A;ascript:alert(17);">',
    '<IMG SRC="jav&#x0D;ascript:alert(18);">',
    '<IMG SRC=" &#14;  javascript:alert(19);">',
    '<SCRIPT/XSS SRC="data:,alert(20)"></SCRIPT>',
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(21)>",
    "<<SCRIPT>alert(22);//\\<</SCRIPT>",
    "<SCRIPT SRC=data:,alert(23)?< B >",
    "<iframe src=javascript:alert(24)></iframe>",
    "</TITLE><SCRIPT>alert(25);</SCRIPT>",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(26);">',
    '<BODY BACKGROUND="javascript:alert(27)">',
    '<IMG DYNSRC="javascript:alert(28)">',
    '<STYLE>li {list-style-image: url("javascript:alert(29)");}</STYLE><UL><LI>XSS</br>',
    # SVG, MathML and HTML5 elements with handlers of their own.
    "<svg/onload=alert(30)>",
    "<svg><script>alert(31)</script></svg>",
    "<BODY ONLOAD=alert(32)>",
    "<details open ontoggle=alert(33)>",
    '<math href="javascript:alert(34)">CLICKME</math>',
    # Links: javascript: URLs, encoded and spaced, and the same in Markdown.
    '<a href="javascript:alert(35)">click</a>',
    '<a href="jav&#x09;ascript:alert(36)">tab</a>',
    '<a href="&#x6A;avascript:alert(37)">hex</a>',
    '<a href=" javascript:alert(38)">space</a>',
    "[click](javascript:alert(39))",
    # Breaking out of attributes, strings, and raw-text elements.
    '"><script>alert(40)</script>',
    "'><script>alert(41)</script>",
    '" onmouseover="alert(42)',
    "' onfocus='alert(43)' autofocus='",
    "'-alert(44)-'",
    '\\";alert(45);//',
    "</script><script>alert(46)</script>",
    "</textarea><script>alert(47)</script>",
    "</style><script>alert(48)</script>",
    # Filters that strip one tag and leave another behind.
    "<<script>script>alert(49)<</script>/script>",
    "<scr<script>ipt>alert(50)</scr</script>ipt>",
    # Template injection, server side and AngularJS style.
    "{{constructor.constructor('alert(51)')()}}{{7*7}}${7*7}<%= 7*7 %>",
    # Styles, plugins, refreshes and base URLs.
    "<style>@import 'javascript:alert(52)';</style>",
    '<object data="javascript:alert(53)"></object>',
    '<embed src="javascript:alert(54)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(55)">',
    '<base href="javascript:alert(56)//">',
    '<LINK REL="stylesheet" HREF="javascript:alert(57);">',
    '<TABLE BACKGROUND="javascript:alert(58)">',
    '<DIV STYLE="background-image: url(javascript:alert(59))">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2MCk8L3NjcmlwdD4=">data</a>',
    '<IFRAME SRC="data:text/html,<script>alert(61)</script>"></IFRAME>',
    # Forms, media and focus tricks.
    '<form action="javascript:alert(62)"><button>send</button></form>',
    '<button form=x formaction="javascript:alert(63)">go</button>',
    '<video><source onerror="alert(64)">',
    "<audio src=x onerror=confirm(65)>",
    "<input onfocus=prompt(66) autofocus>",
    "<img src=x:alert(67) onerror=eval(src)>",
    '<svg><a xlink:href="javascript:alert(68)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(69) attributeName=x dur=1s>",
    # Encoded forms that must reach the page as they were typed, not decoded once more.
    "&lt;script&gt;alert(70)&lt;/script&gt;",
    "%3Cscript%3Ealert(71)%3C%2Fscript%3E",
    # A polyglot for every context at once, and a payload that only sets the flag.
    "javascript:/*--></title></style></textarea></script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(72)//'>",
    "<img src=x onerror=window.__xss=1>",
)
