"""Actor lookup: a table of French and English phrases, with dates, and the code each resolves to.

Every row is (lang, phrase, date, expected code of the best reading). Dated roles are
checked on both sides of a change of office; people out of office resolve to COUNTRY+ELI.
"""

from __future__ import annotations

import json

import pytest

from eventwire import actors
from eventwire.kb import code_at, load, pieces, role_at

FR = [
    # states, capitals, seats of power
    ("la Russie", None, "RUS"), ("Moscou", None, "RUS"), ("le Kremlin", None, "RUSGOV"), ("la Corée du Nord", None, "PRK"),
    ("Pyongyang", None, "PRK"), ("la Corée du Sud", None, "KOR"), ("Séoul", None, "KOR"), ("les États-Unis", None, "USA"),
    ("les Etats-Unis", None, "USA"), ("Washington", None, "USA"), ("la Maison-Blanche", None, "USAGOV"), ("le Pentagone", None, "USAMIL"),
    ("le département d'État", None, "USAGOV"), ("la France", None, "FRA"), ("Paris", None, "FRA"), ("l'Élysée", None, "FRAGOV"),
    ("Matignon", None, "FRAGOV"), ("le Quai d'Orsay", None, "FRAGOV"), ("le Royaume-Uni", None, "GBR"), ("Londres", None, "GBR"),
    ("Downing Street", None, "GBRGOV"), ("l'Allemagne", None, "DEU"), ("Berlin", None, "DEU"), ("la Chine", None, "CHN"),
    ("Pékin", None, "CHN"), ("le Japon", None, "JPN"), ("Tokyo", None, "JPN"), ("l'Inde", None, "IND"), ("New Delhi", None, "IND"),
    ("le Brésil", None, "BRA"), ("l'Iran", None, "IRN"), ("Téhéran", None, "IRN"), ("la Syrie", None, "SYR"), ("Damas", None, "SYR"),
    ("Israël", None, "ISR"), ("l'État hébreu", None, "ISR"), ("la Turquie", None, "TUR"), ("Ankara", None, "TUR"), ("l'Ukraine", None, "UKR"),
    ("Kiev", None, "UKR"), ("Kyiv", None, "UKR"), ("le Soudan", None, "SDN"), ("le Soudan du Sud", None, "SSD"), ("Khartoum", None, "SDN"),
    ("le Yémen", None, "YEM"), ("Sanaa", None, "YEM"), ("la République démocratique du Congo", None, "COD"), ("la RDC", None, "COD"),
    ("Kinshasa", None, "COD"), ("la Birmanie", None, "MMR"), ("le Mali", None, "MLI"), ("Bamako", None, "MLI"), ("le Niger", None, "NER"),
    ("le Burkina Faso", None, "BFA"), ("Ouagadougou", None, "BFA"), ("le Tchad", None, "TCD"), ("la Palestine", None, "PSE"),
    ("la bande de Gaza", None, "PSE"), ("l'Arabie saoudite", None, "SAU"), ("Riyad", None, "SAU"), ("les Émirats arabes unis", None, "ARE"),
    ("le Qatar", None, "QAT"), ("l'Égypte", None, "EGY"), ("Le Caire", None, "EGY"), ("l'Algérie", None, "DZA"), ("Alger", None, "DZA"),
    ("le Maroc", None, "MAR"), ("la Libye", None, "LBY"), ("le Liban", None, "LBN"), ("Beyrouth", None, "LBN"), ("l'Irak", None, "IRQ"),
    ("Bagdad", None, "IRQ"), ("l'Afghanistan", None, "AFG"), ("Kaboul", None, "AFG"), ("le Pakistan", None, "PAK"), ("le Canada", None, "CAN"),
    ("Ottawa", None, "CAN"), ("le Mexique", None, "MEX"), ("l'Argentine", None, "ARG"), ("l'Australie", None, "AUS"), ("l'Italie", None, "ITA"),
    ("Rome", None, "ITA"), ("l'Espagne", None, "ESP"), ("Madrid", None, "ESP"), ("le Portugal", None, "PRT"), ("les Pays-Bas", None, "NLD"),
    ("la Belgique", None, "BEL"), ("la Pologne", None, "POL"), ("Varsovie", None, "POL"), ("la Biélorussie", None, "BLR"), ("Minsk", None, "BLR"),
    ("la Hongrie", None, "HUN"), ("le Venezuela", None, "VEN"), ("Caracas", None, "VEN"), ("Cuba", None, "CUB"), ("Taïwan", None, "TWN"),
    ("l'Indonésie", None, "IDN"), ("l'Afrique du Sud", None, "ZAF"), ("le Burundi", None, "BDI"), ("Bujumbura", None, "BDI"),
    ("le Rwanda", None, "RWA"), ("Kigali", None, "RWA"), ("l'Éthiopie", None, "ETH"), ("la Somalie", None, "SOM"), ("le Kosovo", None, "XKX"),
    ("la Côte d'Ivoire", None, "CIV"), ("le Sénégal", None, "SEN"), ("Dakar", None, "SEN"), ("la Jordanie", None, "JOR"), ("Amman", None, "JOR"),
    # regions and groups
    ("l'Occident", None, "WST"), ("les Occidentaux", None, "WST"), ("les puissances occidentales", None, "WST"), ("les pays occidentaux", None, "WST"),
    ("la communauté internationale", None, "IGOUNO"), ("le Moyen-Orient", None, "MEA"), ("l'Afrique", None, "AFR"), ("l'Europe", None, "EUR"),
    ("l'Amérique latine", None, "LAM"), ("le Maghreb", None, "NAF"), ("les pays du Golfe", None, "PGS"),
    # IGOs
    ("l'ONU", None, "IGOUNO"), ("les Nations unies", None, "IGOUNO"), ("le Conseil de sécurité des Nations unies", None, "IGOUNO"),
    ("le Conseil de sécurité", None, "IGOUNO"), ("l'Assemblée générale des Nations unies", None, "IGOUNO"), ("l'UE", None, "IGOEUREEC"),
    ("l'Union européenne", None, "IGOEUREEC"), ("la Commission européenne", None, "IGOEUREEC"), ("le Parlement européen", None, "IGOEUREEC"),
    ("l'OTAN", None, "IGOWSTNAT"), ("l'Alliance atlantique", None, "IGOWSTNAT"), ("l'Union africaine", None, "IGOAFRAFU"),
    ("l'AIEA", None, "IGOUNOIAE"), ("la Cour pénale internationale", None, "IGOJUDICC"), ("la CPI", None, "IGOJUDICC"),
    ("l'OIAC", None, "IGOOPCW"), ("l'OMS", None, "IGOUNOHLH"), ("le FMI", None, "IGOBUSIMF"), ("la Banque mondiale", None, "IGOBUSWBK"),
    ("l'ASEAN", None, "IGOSEAASN"), ("la Ligue arabe", None, "IGOMEAARL"), ("la CEDEAO", None, "IGOWAFWAS"), ("l'OSCE", None, "IGOEUROSC"),
    ("le HCR", None, "IGOUNOREF"), ("l'Unicef", None, "IGOUNODEV"), ("le G7", None, "IGOG7"),
    # armed groups, organisations, media
    ("l'État islamique", None, "IMGMUSISI"), ("l'organisation État islamique", None, "IMGMUSISI"), ("Daech", None, "IMGMUSISI"),
    ("le groupe Etat islamique", None, "IMGMUSISI"), ("al-Qaïda", None, "IMGMUSALQ"), ("le Hamas", None, "PSEREB"), ("le Hezbollah", None, "LBNREB"),
    ("les talibans", "2015-01-01", "AFGREB"), ("les talibans", "2023-01-01", "AFGGOV"), ("les Houthis", None, "YEMREB"), ("Boko Haram", None, "NGAREB"),
    ("les shebab", None, "SOMREB"), ("le PKK", None, "TURREB"), ("les Forces de soutien rapide", None, "SDNREB"), ("le M23", None, "CODREB"),
    ("le groupe Wagner", None, "RUSMIL"), ("le FSB", None, "RUSSPY"), ("le Mossad", None, "ISRSPY"), ("Tsahal", None, "ISRMIL"),
    ("les Gardiens de la révolution", None, "IRNMIL"), ("l'AFP", None, "FRAMED"), ("l'agence Tass", None, "RUSMED"), ("Amnesty International", None, "NGOHRIAMN"),
    ("Human Rights Watch", None, "NGOHRIHRW"), ("Médecins sans frontières", None, "NGOHLHMSF"), ("le CICR", None, "NGOHLHIRC"),
    ("la Douma", None, "RUSLEG"), ("la Knesset", None, "ISRLEG"), ("le Bundestag", None, "DEULEG"), ("l'Autorité palestinienne", None, "PSEGOV"),
    # roles with a demonym / a complement
    ("le président russe", "2024-06-18", "RUSGOV"), ("le président russe", "2010-06-01", "RUSGOV"), ("le dirigeant nord-coréen", "2024-06-18", "PRKGOV"),
    ("le ministère américain de la Défense", "2024-06-18", "USAMIL"), ("l'armée turque", None, "TURMIL"), ("l'armée algérienne", None, "DZAMIL"),
    ("le ministre iranien des Affaires étrangères", "2016-01-12", "IRNGOV"), ("le ministère des Affaires étrangères chinois", None, "CHNGOV"),
    ("le gouvernement britannique", None, "GBRGOV"), ("les autorités nord-coréennes", None, "PRKGOV"), ("les autorités sud-coréennes", None, "KORGOV"),
    ("les médias officiels russes", None, "RUSMED"), ("les soldats américains", None, "USAMIL"), ("les soldats syriens", None, "SYRMIL"),
    ("la police turque", None, "TURCOP"), ("les forces de l'ordre françaises", None, "FRACOP"), ("la justice française", None, "FRAJUD"),
    ("le parlement ukrainien", None, "UKRLEG"), ("les députés britanniques", None, "GBRLEG"), ("l'opposition vénézuélienne", None, "VENOPP"),
    ("les rebelles syriens", None, "SYRREB"), ("les manifestants iraniens", None, "IRNOPP"), ("les journalistes français", None, "FRAMED"),
    ("les entreprises chinoises", None, "CHNBUS"), ("le régime syrien", None, "SYRGOV"), ("le commandement russe", None, "RUSMIL"),
    ("les officiels russes", None, "RUSGOV"), ("la diplomatie française", None, "FRAGOV"), ("l'ambassadeur de Russie", None, "RUSGOV"),
    ("l'ambassadeur russe", None, "RUSGOV"), ("le porte-parole du Kremlin", None, "RUSGOV"), ("le porte-parole du Pentagone", None, "USAMIL"),
    ("le secrétaire général de l'ONU", None, "IGOUNO"), ("le ministre allemand de la Défense", "2024-01-01", "DEUMIL"),
    ("la chancelière allemande", "2016-01-01", "DEUGOV"), ("le chancelier allemand", "2023-01-01", "DEUGOV"), ("le Premier ministre britannique", "2025-01-01", "GBRGOV"),
    ("le Premier ministre israélien", "2024-01-01", "ISRGOV"), ("le roi saoudien", None, "SAUGOV"), ("le Guide suprême iranien", None, "IRNGOV"),
    ("l'armée israélienne", None, "ISRMIL"), ("les forces ukrainiennes", None, "UKRMIL"), ("les troupes russes", None, "RUSMIL"),
    ("la marine chinoise", None, "CHNMIL"), ("les services de renseignement américains", None, "USASPY"), ("les réfugiés syriens", None, "SYRREF"),
    ("le président de la Turquie", "2020-01-01", "TURGOV"), ("le gouvernement de la Russie", None, "RUSGOV"), ("l'ancien président américain", "2024-01-01", "USAELI"),
    # people as of a date
    ("Vladimir Poutine", "2024-06-18", "RUSGOV"), ("Poutine", "2010-01-01", "RUSGOV"), ("Dmitri Medvedev", "2010-01-01", "RUSGOV"),
    ("Medvedev", "2015-01-01", "RUSGOV"), ("Sergueï Lavrov", "2020-01-01", "RUSGOV"), ("Sergueï Choïgou", "2020-01-01", "RUSMIL"),
    ("Sergueï Choïgou", "2025-01-01", "RUSGOV"), ("Angela Merkel", "2016-01-01", "DEUGOV"), ("Angela Merkel", "2023-01-01", "DEUELI"),
    ("Olaf Scholz", "2023-01-01", "DEUGOV"), ("Olaf Scholz", "2025-06-01", "DEUELI"), ("Friedrich Merz", "2025-06-01", "DEUGOV"),
    ("Friedrich Merz", "2023-01-01", "DEUOPP"), ("Donald Trump", "2018-01-01", "USAGOV"), ("Donald Trump", "2022-01-01", "USAELI"),
    ("Donald Trump", "2025-03-01", "USAGOV"), ("Joe Biden", "2022-01-01", "USAGOV"), ("Joe Biden", "2012-01-01", "USAGOV"), ("Joe Biden", "2025-03-01", "USAELI"),
    ("Barack Obama", "2016-01-12", "USAGOV"), ("Barack Obama", "2020-01-01", "USAELI"), ("Emmanuel Macron", "2024-01-01", "FRAGOV"),
    ("Emmanuel Macron", "2016-01-01", "FRAGOV"), ("François Hollande", "2016-01-01", "FRAGOV"), ("François Hollande", "2018-01-01", "FRAELI"),
    ("Nicolas Sarkozy", "2010-01-01", "FRAGOV"), ("Keir Starmer", "2025-01-01", "GBRGOV"), ("Keir Starmer", "2022-01-01", "GBROPP"),
    ("Boris Johnson", "2017-01-01", "GBRGOV"), ("Boris Johnson", "2020-01-01", "GBRGOV"), ("Kim Jong-un", "2024-06-18", "PRKGOV"),
    ("Kim Jong Un", "2016-01-10", "PRKGOV"), ("Xi Jinping", "2020-01-01", "CHNGOV"), ("Volodymyr Zelensky", "2023-01-01", "UKRGOV"),
    ("Zelensky", "2018-01-01", "UKRELI"), ("Benyamin Nétanyahou", "2024-01-01", "ISRGOV"), ("Nétanyahou", "2022-01-01", "ISRELI"),
    ("Recep Tayyip Erdogan", "2016-08-24", "TURGOV"), ("Erdoğan", "2012-01-01", "TURGOV"), ("Bachar al-Assad", "2016-01-01", "SYRGOV"),
    ("Bachar al-Assad", "2025-03-01", "SYRELI"), ("Ahmed al-Chareh", "2025-03-01", "SYRGOV"), ("Ahmed al-Chareh", "2020-01-01", "SYRREB"),
    ("Ali Khameneï", "2020-01-01", "IRNGOV"), ("Hassan Rohani", "2016-01-01", "IRNGOV"), ("Mohammad Javad Zarif", "2016-01-12", "IRNGOV"),
    ("Justin Trudeau", "2016-02-08", "CANGOV"), ("Mark Carney", "2025-06-01", "CANGOV"), ("Jean-Claude Juncker", "2016-07-09", "IGOEUREEC"),
    ("Ursula von der Leyen", "2024-01-01", "IGOEUREEC"), ("Ursula von der Leyen", "2016-01-01", "DEUMIL"), ("Antonio Guterres", "2024-01-01", "IGOUNO"),
    ("Ban Ki-moon", "2016-09-03", "IGOUNO"), ("Pierre Nkurunziza", "2016-12-17", "BDIGOV"), ("Évariste Ndayishimiye", "2016-10-16", "BDIPTY"),
    ("Évariste Ndayishimiye", "2022-01-01", "BDIGOV"), ("Mariano Rajoy", "2016-07-09", "ESPGOV"), ("Pedro Sánchez", "2024-01-01", "ESPGOV"),
    ("Giorgia Meloni", "2024-01-01", "ITAGOV"), ("Narendra Modi", "2024-01-01", "INDGOV"), ("Lula", "2024-01-01", "BRAGOV"),
    ("Jair Bolsonaro", "2024-01-01", "BRAELI"), ("Javier Milei", "2024-06-01", "ARGGOV"), ("Claudia Sheinbaum", "2025-01-01", "MEXGOV"),
    ("Félix Tshisekedi", "2024-01-01", "CODGOV"), ("Abdel Fattah al-Burhane", "2024-01-01", "SDNGOV"), ("Hemedti", "2024-01-01", "SDNREB"),
    ("Assimi Goïta", "2024-01-01", "MLIGOV"), ("Ibrahim Traoré", "2024-01-01", "BFAGOV"), ("Mahmoud Abbas", "2024-01-01", "PSEGOV"),
    ("Ismaïl Haniyeh", "2023-11-01", "PSEREB"), ("Hassan Nasrallah", "2020-01-01", "LBNREB"), ("Alexandre Loukachenko", "2024-01-01", "BLRGOV"),
    ("Viktor Orban", "2024-01-01", "HUNGOV"), ("Mohammed ben Salmane", "2024-01-01", "SAUGOV"), ("Sébastien Lecornu", "2023-01-01", "FRAMIL"),
    ("Sébastien Lecornu", "2025-10-20", "FRAGOV"), ("Jean-Yves Le Drian", "2019-01-01", "FRAGOV"), ("Jean-Yves Le Drian", "2015-01-01", "FRAMIL"),
    ("Antony Blinken", "2023-01-01", "USAGOV"), ("Lloyd Austin", "2023-01-01", "USAMIL"), ("Pete Hegseth", "2025-06-01", "USAMIL"),
    ("Wang Yi", "2024-01-01", "CHNGOV"), ("Hakan Fidan", "2024-01-01", "TURGOV"), ("Abbas Araghchi", "2025-01-01", "IRNGOV"),
    ("Dmytro Kouleba", "2023-01-01", "UKRGOV"), ("Rustem Umerov", "2024-01-01", "UKRMIL"), ("Yoav Gallant", "2024-01-01", "ISRMIL"),
    ("Israel Katz", "2025-01-01", "ISRMIL"), ("Mark Rutte", "2025-01-01", "IGOWSTNAT"), ("Mark Rutte", "2020-01-01", "NLDGOV"),
    ("Jens Stoltenberg", "2020-01-01", "IGOWSTNAT"), ("Kaja Kallas", "2025-01-01", "IGOEUREEC"), ("Josep Borrell", "2022-01-01", "IGOEUREEC"),
    # dated roles through the role noun: who holds it then
    ("le président américain", "2016-01-01", "USAGOV"), ("le président ukrainien", "2016-01-01", "UKRGOV"), ("le président iranien", "2022-01-01", "IRNGOV"),
]

EN = [
    ("Russia", None, "RUS"), ("Moscow", None, "RUS"), ("the Kremlin", None, "RUSGOV"), ("North Korea", None, "PRK"), ("Pyongyang", None, "PRK"),
    ("South Korea", None, "KOR"), ("Seoul", None, "KOR"), ("the United States", None, "USA"), ("the U.S.", None, "USA"), ("Washington", None, "USA"),
    ("the White House", None, "USAGOV"), ("the Pentagon", None, "USAMIL"), ("the State Department", None, "USAGOV"), ("Britain", None, "GBR"),
    ("London", None, "GBR"), ("Downing Street", None, "GBRGOV"), ("Germany", None, "DEU"), ("Berlin", None, "DEU"), ("China", None, "CHN"),
    ("Beijing", None, "CHN"), ("Japan", None, "JPN"), ("India", None, "IND"), ("Iran", None, "IRN"), ("Tehran", None, "IRN"), ("Syria", None, "SYR"),
    ("Damascus", None, "SYR"), ("Israel", None, "ISR"), ("Turkey", None, "TUR"), ("Ukraine", None, "UKR"), ("Kyiv", None, "UKR"), ("Sudan", None, "SDN"),
    ("Yemen", None, "YEM"), ("the Democratic Republic of Congo", None, "COD"), ("Myanmar", None, "MMR"), ("Mali", None, "MLI"), ("Gaza", None, "PSE"),
    ("Saudi Arabia", None, "SAU"), ("Egypt", None, "EGY"), ("Canada", None, "CAN"), ("France", None, "FRA"), ("Paris", None, "FRA"), ("the Elysee", None, "FRAGOV"),
    ("the West", None, "WST"), ("Western powers", None, "WST"), ("the international community", None, "IGOUNO"), ("the Middle East", None, "MEA"),
    ("the United Nations", None, "IGOUNO"), ("the UN Security Council", None, "IGOUNO"), ("the Security Council", None, "IGOUNO"), ("the EU", None, "IGOEUREEC"),
    ("the European Commission", None, "IGOEUREEC"), ("NATO", None, "IGOWSTNAT"), ("the African Union", None, "IGOAFRAFU"), ("the IAEA", None, "IGOUNOIAE"),
    ("the International Criminal Court", None, "IGOJUDICC"), ("the OPCW", None, "IGOOPCW"), ("the IMF", None, "IGOBUSIMF"), ("the World Bank", None, "IGOBUSWBK"),
    ("ASEAN", None, "IGOSEAASN"), ("the Arab League", None, "IGOMEAARL"), ("Islamic State", None, "IMGMUSISI"), ("ISIS", None, "IMGMUSISI"),
    ("al-Qaeda", None, "IMGMUSALQ"), ("Hamas", None, "PSEREB"), ("Hezbollah", None, "LBNREB"), ("the Taliban", "2015-01-01", "AFGREB"),
    ("the Taliban", "2023-01-01", "AFGGOV"), ("the Houthis", None, "YEMREB"), ("Boko Haram", None, "NGAREB"), ("the Revolutionary Guards", None, "IRNMIL"),
    ("the Russian president", "2024-01-01", "RUSGOV"), ("the North Korean leader", "2024-01-01", "PRKGOV"), ("the Turkish army", None, "TURMIL"),
    ("the Iranian foreign minister", "2016-01-12", "IRNGOV"), ("the Chinese foreign ministry", None, "CHNGOV"), ("the British government", None, "GBRGOV"),
    ("North Korean authorities", None, "PRKGOV"), ("Russian state media", None, "RUSMED"), ("American soldiers", None, "USAMIL"), ("Syrian troops", None, "SYRMIL"),
    ("Turkish police", None, "TURCOP"), ("the Ukrainian parliament", None, "UKRLEG"), ("Syrian rebels", None, "SYRREB"), ("Iranian protesters", None, "IRNOPP"),
    ("the Syrian regime", None, "SYRGOV"), ("the Russian ambassador", None, "RUSGOV"), ("the UN Secretary-General", None, "IGOUNO"),
    ("Israeli forces", None, "ISRMIL"), ("the Israeli military", None, "ISRMIL"), ("the German defence minister", "2024-01-01", "DEUMIL"),
    ("Vladimir Putin", "2024-06-18", "RUSGOV"), ("Putin", "2010-01-01", "RUSGOV"), ("Dmitry Medvedev", "2010-01-01", "RUSGOV"),
    ("Angela Merkel", "2016-01-01", "DEUGOV"), ("Angela Merkel", "2023-01-01", "DEUELI"), ("Olaf Scholz", "2023-01-01", "DEUGOV"),
    ("Donald Trump", "2018-01-01", "USAGOV"), ("Donald Trump", "2022-01-01", "USAELI"), ("Joe Biden", "2022-01-01", "USAGOV"),
    ("Barack Obama", "2015-01-01", "USAGOV"), ("Emmanuel Macron", "2024-01-01", "FRAGOV"), ("Keir Starmer", "2025-01-01", "GBRGOV"),
    ("Rishi Sunak", "2023-06-01", "GBRGOV"), ("Kim Jong Un", "2024-06-18", "PRKGOV"), ("Xi Jinping", "2024-01-01", "CHNGOV"),
    ("Volodymyr Zelenskyy", "2024-01-01", "UKRGOV"), ("Benjamin Netanyahu", "2024-01-01", "ISRGOV"), ("Recep Tayyip Erdogan", "2024-01-01", "TURGOV"),
    ("Bashar al-Assad", "2020-01-01", "SYRGOV"), ("Ali Khamenei", "2024-01-01", "IRNGOV"), ("Narendra Modi", "2024-01-01", "INDGOV"),
    ("Sergei Lavrov", "2024-01-01", "RUSGOV"), ("Antony Blinken", "2022-01-01", "USAGOV"), ("Marco Rubio", "2025-06-01", "USAGOV"),
    ("Ursula von der Leyen", "2024-01-01", "IGOEUREEC"), ("Antonio Guterres", "2024-01-01", "IGOUNO"), ("Justin Trudeau", "2020-01-01", "CANGOV"),
    ("Shinzo Abe", "2016-01-01", "JPNGOV"), ("Fumio Kishida", "2023-01-01", "JPNGOV"), ("Mohammed bin Salman", "2024-01-01", "SAUGOV"),
    ("Hassan Rouhani", "2016-01-01", "IRNGOV"), ("Ebrahim Raisi", "2022-01-01", "IRNGOV"), ("Masoud Pezeshkian", "2025-01-01", "IRNGOV"),
    ("Mahmoud Abbas", "2024-01-01", "PSEGOV"), ("Yahya Sinwar", "2024-01-01", "PSEREB"), ("the Russian defense minister", "2025-01-01", "RUSMIL"),
    ("the US president", "2023-01-01", "USAGOV"), ("the French president", "2024-01-01", "FRAGOV"),
]

ROWS = [("fr", *r) for r in FR] + [("en", *r) for r in EN]


def test_table_is_large_enough():
    assert len(ROWS) >= 300


@pytest.mark.parametrize("lang,phrase,date,expected", ROWS, ids=[f"{r[0]}:{r[1]}@{r[2]}" for r in ROWS])
def test_lookup_resolves_phrase_to_code(lang, phrase, date, expected):
    got = actors.lookup(phrase, lang=lang, date=date)
    assert got, f"{phrase!r} resolved to nothing"
    assert got[0].code == expected, f"{phrase!r} @ {date}: {[a.code + ' ' + a.rule for a in got[:3]]}"


@pytest.mark.parametrize(
    "phrase,date,name",
    [
        ("le président russe", "2010-06-01", "Dmitry Medvedev"),
        ("le président russe", "2024-06-18", "Vladimir Putin"),
        ("le dirigeant nord-coréen", "2024-06-18", "Kim Jong Un"),
        ("le ministre iranien des Affaires étrangères", "2016-01-12", "Mohammad Javad Zarif"),
        ("le chancelier allemand", "2023-01-01", "Olaf Scholz"),
        ("la chancelière allemande", "2016-01-01", "Angela Merkel"),
        ("le président américain", "2016-01-01", "Barack Obama"),
        ("le président américain", "2025-03-01", "Donald Trump"),
    ],
)
def test_role_phrase_names_the_holder_on_the_date(phrase, date, name):
    got = actors.lookup(phrase, lang="fr", date=date)
    assert got[0].name == name


def test_unknown_holder_keeps_country_and_sector_without_name():
    got = actors.lookup("le ministre burundais des Affaires étrangères", lang="fr", date="2016-01-01")
    assert got[0].code == "BDIGOV" and got[0].name is None


def test_kb_people_roles_are_ordered_and_dated():
    kb = load()
    for e in kb.entries:
        if e.source != "people":
            continue
        for r in e.roles:
            assert r.start is None or r.end is None or r.start < r.end, (e.name, r)


def test_role_change_day_belongs_to_successor():
    kb = load()
    merkel = next(e for e in kb.entries if e.name == "Angela Merkel")
    scholz = next(e for e in kb.entries if e.name == "Olaf Scholz")
    assert code_at(merkel, "2021-12-07")[0] == "DEUGOV"
    assert code_at(merkel, "2021-12-08")[0] == "DEUELI"
    assert role_at(scholz, "2021-12-08").role == "head_of_government"


def test_pieces_normalise_accents_hyphens_and_elision():
    assert pieces("Nord-Coréenne") == ("nord", "coreenne")
    assert pieces("l’ONU") == ("l'", "onu")
    assert pieces("Etats-Unis") == pieces("États-Unis")


def test_acronym_needs_upper_case():
    assert actors.lookup("un", lang="fr") == []
    assert actors.lookup("l'UE", lang="fr")[0].code == "IGOEUREEC"


def test_cli_lookup_prints_json(capsys):
    from eventwire.cli.main import main

    rc = main(["actors", "lookup", "le", "président", "russe", "--date", "2010-06-01", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert out[0]["code"] == "RUSGOV" and out[0]["name"] == "Dmitry Medvedev"
    assert set(out[0]) == {"code", "country", "sector", "name", "qid", "rule"}


def test_cli_lookup_rejects_bad_date(capsys):
    from eventwire.cli.main import main

    assert main(["actors", "lookup", "Poutine", "--date", "hier"]) == 2
    assert "--date" in capsys.readouterr().err


def test_actor_as_of_reresolves_a_person_for_the_event_date():
    from eventwire.records import Mention

    a = actors.lookup("Dmitri Medvedev", lang="fr", date="2010-01-01")[0]
    m = Mention(start=0, end=15, text="Dmitri Medvedev", kind="name", head=0, actor=a)
    assert actors.actor_as_of(m, "2010-01-01").code == "RUSGOV"
    assert actors.actor_as_of(m, "2025-01-01").code == "RUSGOV"  # deputy chair of the Security Council
    b = actors.lookup("Angela Merkel", lang="fr", date="2016-01-01")[0]
    mb = Mention(start=0, end=13, text="Angela Merkel", kind="name", head=0, actor=b)
    assert actors.actor_as_of(mb, "2023-06-01").code == "DEUELI"


def _build_kb_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_kb.py"
    spec = importlib.util.spec_from_file_location("build_kb", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("RUSGOV 991231-080507", ["RUSGOV", "1999-12-31", "2008-05-07"]),
        ("RUSGOV >080508", ["RUSGOV", "2008-05-08", None]),
        ("IGOUNO >20070101", ["IGOUNO", "2007-01-01", None]),
        ("AFGELI 19270101-730717", ["AFGELI", "1927-01-01", "1973-07-17"]),
        ("FRAELI", ["FRAELI", None, None]),
        ("USAGOV <090120", ["USAGOV", None, "2009-01-20"]),
        ("~BUS", ["BUS", None, None]),
        ("KORGOVBUS 2004017-20061201", None),
    ],
)
def test_phoenix_role_codes_parse(raw, expected):
    assert _build_kb_module().parse_code(raw) == expected


def test_phoenix_blocks_keep_synonyms_and_dated_roles(tmp_path):
    src = tmp_path / "x.actors.txt"
    src.write_text(
        "# header\nVLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n\t[RUSGOV >080508]\n\t[RUSELI]\n\nKREMLIN_ [RUSGOV]\n",
        encoding="utf-8",
    )
    blocks = _build_kb_module().parse_phoenix(src, source="t")
    assert blocks[0]["names"] == ["VLADIMIR PUTIN", "PUTIN"] and blocks[0]["person"]
    assert blocks[0]["codes"] == [["RUSGOV", "2008-05-08", None], ["RUSELI", None, None]]
    assert blocks[1]["names"] == ["KREMLIN"] and not blocks[1]["person"]


@pytest.mark.parametrize(
    "raw,expected",
    [
        # the bracket holds the name's initials: name and acronym are two aliases
        ("LIBERATION TIGERS OF TAMIL EELAM (LTTE)", ["LIBERATION TIGERS OF TAMIL EELAM", "LTTE"]),
        ("HUMAN RIGHTS IN CHINA (HRIC)", ["HUMAN RIGHTS IN CHINA", "HRIC"]),
        # a bracket that disambiguates (a country, a gloss) keeps the name whole
        ("NATIONAL FRONT (GREECE)", ["NATIONAL FRONT (GREECE)"]),
        ("DZHENNET (PARADISE)", ["DZHENNET (PARADISE)"]),
        # three letters are too ambiguous to stand alone
        ("ALBANIAN NATIONAL ARMY (ANA)", ["ALBANIAN NATIONAL ARMY (ANA)"]),
        ("KREMLIN", ["KREMLIN"]),
    ],
)
def test_phoenix_name_with_its_acronym_in_brackets_splits(raw, expected):
    assert _build_kb_module().split_acronym(raw) == expected


def test_phoenix_group_named_by_a_common_word_is_not_an_alias(tmp_path):
    src = tmp_path / "x.actors.txt"
    src.write_text(
        "TIGERS_ [SWZREB]\n\nLIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB]\n+TAMIL_TIGERS_\n\n313_ [PAKREB]\n\nHEZBOLLAH_ [LBNREB]\n",
        encoding="utf-8",
    )
    blocks = _build_kb_module().parse_phoenix(src, source="phoenix-milnonstate")
    assert [b["names"] for b in blocks] == [["LIBERATION TIGERS OF TAMIL EELAM", "LTTE", "TAMIL TIGERS"], ["HEZBOLLAH"]]


@pytest.mark.parametrize("phrase,code", [
    ("the Liberation Tigers of Tamil Eelam", "LKAREB"),
    ("the LTTE", "LKAREB"),
])
def test_group_with_a_bracketed_acronym_in_the_dictionary_resolves(phrase, code):
    assert actors.lookup(phrase, lang="en")[0].code == code


def test_common_word_is_not_a_phoenix_group():
    assert all(a.code != "SWZREB" for a in actors.lookup("the Tigers attacked", lang="en"))


@pytest.mark.parametrize("lang,phrase,code", [
    # an entry listing a name in capitals and in lower case matches either
    ("en", "a dispute with the common market", "IGOEUREEC"),
    ("fr", "les houthis ont tiré", "YEMREB"),
])
def test_lower_case_alias_beside_a_capitalised_one_matches_lower_case(lang, phrase, code):
    assert code in [a.code for a in actors.lookup(phrase, lang=lang)]
