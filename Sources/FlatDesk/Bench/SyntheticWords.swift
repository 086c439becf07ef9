/// Word lists that synthetic tickets are assembled from.
enum SyntheticWords {
    /// First names as displayed and as written in an email address.
    static let firstNames: [(String, String)] = [
        ("Anna", "anna"), ("Tom", "tom"), ("María", "maria"), ("Lena", "lena"), ("Jonas", "jonas"), ("Priya", "priya"),
        ("Amir", "amir"), ("Sofia", "sofia"), ("Chen", "chen"), ("Olga", "olga"), ("Liam", "liam"), ("Noah", "noah"),
        ("Emma", "emma"), ("Mia", "mia"), ("Lucas", "lucas"), ("Hana", "hana"), ("Yuki", "yuki"), ("Omar", "omar"),
        ("Fatima", "fatima"), ("Zoë", "zoe"), ("Björn", "bjorn"), ("Elif", "elif"), ("Mateo", "mateo"),
        ("Aisha", "aisha"), ("David", "david"), ("Sara", "sara"), ("Jakub", "jakub"), ("Ines", "ines"),
        ("Kwame", "kwame"), ("Nora", "nora"), ("Pavel", "pavel"), ("Grace", "grace"), ("Ravi", "ravi"),
        ("Léa", "lea"), ("Tariq", "tariq"), ("Ingrid", "ingrid"), ("Marco", "marco"), ("Julia", "julia"),
        ("Ethan", "ethan"), ("Chloé", "chloe"),
    ]

    static let lastNames: [(String, String)] = [
        ("Schulz", "schulz"), ("Baker", "baker"), ("López", "lopez"), ("Fischer", "fischer"), ("Weber", "weber"),
        ("Nair", "nair"), ("Haddad", "haddad"), ("Rossi", "rossi"), ("Wang", "wang"), ("Ivanova", "ivanova"),
        ("Murphy", "murphy"), ("Jansen", "jansen"), ("Dubois", "dubois"), ("Novak", "novak"), ("Sato", "sato"),
        ("Khan", "khan"), ("Okafor", "okafor"), ("Silva", "silva"), ("Berg", "berg"), ("Yilmaz", "yilmaz"),
        ("García", "garcia"), ("Kowalski", "kowalski"), ("Mensah", "mensah"), ("Lindqvist", "lindqvist"),
        ("Patel", "patel"), ("Müller", "muller"), ("Costa", "costa"), ("Horvat", "horvat"), ("Tanaka", "tanaka"),
        ("Andersen", "andersen"), ("Moreau", "moreau"), ("Evans", "evans"),
    ]

    static let subjects: [String: [String]] = [
        "Network": [
            "VPN drops every {n} minutes", "Wi-Fi at {site} is very slow", "Cannot reach the {share} share from {site}",
            "Network port in {room} is dead", "Guest Wi-Fi voucher not accepted",
            "Packet loss to {app} since this morning",
            "Remote desktop to {host} times out",
        ],
        "Hardware": [
            "Laptop battery drains in an hour", "Docking station does not detect the second monitor",
            "Printer {printer} jams on every job", "Request for a new {device}", "Keys stuck on {device} keyboard",
            "Broken screen on {device}", "Headset crackles in calls",
        ],
        "Software": [
            "{app} crashes on start", "{app} licence expired", "Please install {app} on my laptop",
            "{app} update fails with error {code}", "Excel macro stopped working after the update",
            "{app} is very slow when saving", "Add-in missing in {app}",
        ],
        "Access": [
            "Password reset for {app}", "MFA prompt keeps looping in {app}", "Need access to the {share} share",
            "Account locked after the holidays", "New starter account for {person}",
            "Remove access for leaver {person}",
            "Badge does not open the door at {site}",
        ],
        "Email": [
            "Mailbox full", "Emails to {domain} bounce", "Shared mailbox {mailbox} not visible",
            "Calendar invites arrive twice", "Spam from {domain} getting through", "Out-of-office reply not sent",
        ],
        "Other": [
            "Screen in meeting room {room} shows no signal", "Question about {app} training",
            "Phone extension should move to {site}", "Who approves software purchases?",
            "Feedback on the service desk portal",
        ],
    ]

    static let slots: [String: [String]] = [
        "{n}": ["five", "ten", "fifteen", "twenty", "thirty"],
        "{site}": ["headquarters", "the warehouse", "the Leeds office", "the Munich office", "the lab", "reception"],
        "{share}": ["Finance", "HR", "Projects", "Marketing", "Scans", "Engineering"],
        "{room}": ["2.14", "3.01", "Atlas", "Orion", "the boardroom", "the training room"],
        "{app}": [
            "Outlook", "Teams", "the ERP", "SAP GUI", "Salesforce", "AutoCAD", "Excel", "the CRM", "Zoom", "Acrobat",
        ],
        "{host}": ["TS01", "BUILD02", "FILE03", "APP-SQL1"],
        "{printer}": ["P-2F-01", "P-3F-02", "the colour printer", "the label printer"],
        "{device}": ["laptop", "monitor", "docking station", "phone", "tablet", "keyboard"],
        "{code}": ["0x80070643", "1603", "0x8024402c", "E_ACCESSDENIED", "404"],
        "{person}": ["a new colleague in Sales", "the new finance intern", "Jordan from Logistics"],
        "{domain}": ["fabrikam.example", "contoso.example", "tailspin.example", "a supplier"],
        "{mailbox}": ["orders@", "invoices@", "support@", "hr@"],
    ]

    static let greetings = ["Hello,", "Hi team,", "Good morning,", "Hello service desk,", "Hi,"]

    static let requestDetails = [
        "It started after the restart this morning and happens every time I try again.",
        "Two colleagues in my team see exactly the same thing.",
        "I already restarted the laptop and signed out and in again, without any change.",
        "The error message says that the operation could not be completed and to contact the administrator.",
        "This blocks our month-end closing, so I would be grateful for a quick look.",
        "It worked fine yesterday afternoon.",
        "I am working from home today, so I can be reached on my mobile.",
        "A screenshot of the message is attached to the email I sent earlier.",
        "The problem only happens when I am connected through the VPN.",
        "When I use the web version instead, everything works as expected.",
        "We have a customer visit tomorrow morning and need this to work by then.",
        "Nothing was installed or changed on my side as far as I know.",
        "My asset tag is on the sticker under the laptop, in case you need it.",
        "The same thing happened about two weeks ago but went away on its own.",
        "I tried it on a colleague's computer and there it works.",
        "It takes about five minutes before the window freezes completely.",
        "Our team lead asked me to raise a ticket so that it is tracked.",
        "I am not sure whether this is the right category, please move it if needed.",
        "The message appears in English even though my settings are in German.",
        "It seems to be worse in the afternoon when everyone is in the office.",
        "Could someone call me? Writing down all the steps is difficult.",
        "I have a presentation at three o'clock and need the files for it.",
    ]

    static let replyOpenings = [
        "Thanks for reporting this, we are looking into it.",
        "Thank you for the details, that helps a lot.",
        "I have picked up your ticket and will keep you updated here.",
        "Sorry for the trouble, let us get this sorted.",
    ]

    static let replyDetails = [
        "Could you please restart the application and tell me whether the message still appears?",
        "I have reset the cached credentials on our side; please sign out and in again.",
        "The update that caused this has been rolled back for your device.",
        "I have added you to the right group, it can take up to an hour until the change is visible.",
        "We replaced the faulty component and tested it with you on site.",
        "The vendor confirmed a known issue and a fix is planned for the next release.",
        "As a workaround, please use the web version until the fix is deployed.",
        "Could you send me the exact time when it happened last, so I can check the logs?",
        "I will call you this afternoon to walk through the settings together.",
        "I checked your account and the licence is assigned correctly now.",
        "The change is scheduled for tonight's maintenance window between 20:00 and 22:00.",
        "Please leave the device switched on and connected to the network overnight.",
        "I could reproduce the problem on a test machine, which helps a lot.",
        "Your mailbox was moved to the new server; Outlook may ask you to restart once.",
        "A technician will come by your desk tomorrow morning before ten.",
        "If the problem comes back, simply reply to this message and the ticket reopens.",
    ]

    static let requesterReplies = [
        "Thanks, that worked. Everything is fine again.",
        "It still happens, I just tried again a minute ago.",
        "I restarted as you suggested; the message is gone for now.",
        "Sorry for the late answer, I was out of the office. The problem is still there.",
        "Great, thank you for the quick help!",
    ]

    static let notes = [
        "Checked the logs: the sign-in attempts fail on the second factor, not the password.",
        "Same pattern as last month; probably the expired certificate on the proxy again.",
        "Escalating to tier 2 because it needs admin rights on the server.",
        "Vendor case opened, reference in the shared tracker.",
        "Device is still under warranty, ordered a replacement through the supplier portal.",
        "User confirmed by phone; waiting for the maintenance window tonight.",
        "Licence pool is empty, requested two more from procurement.",
        "Firmware on the dock is two versions behind; updating it remotely.",
        "Related to the change on the proxy last Tuesday, see the change calendar.",
        "User is a VIP, keep the line manager in the loop.",
        "Cleared the profile cache; if that does not help, rebuild the profile.",
        "DNS record was pointing at the old load balancer, corrected and waiting for the TTL.",
    ]

    static let closings = ["Best regards,", "Thanks,", "Kind regards,", "Many thanks,"]

    static let tags = [
        "vpn", "printer", "mfa", "licence", "onboarding", "offboarding", "hardware-swap", "outage", "vip",
        "known-error",
        "warranty", "remote-work",
    ]
}
