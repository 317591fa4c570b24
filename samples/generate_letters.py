"""Generate synthetic "Beschlusskontrolle" letters as OCR-like text, each with its ground truth.

Usage::

    python samples/generate_letters.py --out samples/synthetic --count 12 --seed 2026

Each letter ``<id>`` gets ``<id>.ocr.txt`` (text as an OCR engine returns it from a scanned
letter: wrapped lines, words broken at line ends, spurious blank lines, page furniture, a garbled
date stamp, signature scribbles, damaged role words) and ``<id>.truth.json`` with the clean text,
the record and every line-end break.

``breaks``: ``first`` and ``second`` are the fragments before and after the line end, without the
printed hyphen (``form`` says whether one is printed), so ``joined`` is ``first + second`` (kind
``word``), ``first + "-" + second`` (``compound_hyphen``) or ``first + "- " + second``
(``suspended``). Real hyphens are printed characters, so the last two kinds always have form
``hyphen``; only soft hyphenation gets lost.

``report_kind``: "final"/"interim" when the letter says Abschlussbericht/abschließend or
Zwischenbericht/Zwischenstand; otherwise "interim" if any point or sub point is in progress or
partially implemented, "final" if every top-level point has a status, else null.

Only :class:`random.Random` instances derived from ``seed`` are used: same seed, same letters.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyphen

Entries = dict[str, tuple[str, ...]]


def entry_list(text: str) -> list[tuple[str, str]]:
    """``key: value`` lines (indented lines continue a value) as (key, value) pairs.

    >>> entry_list("fact: Die Stadt\\n  handelt.\\nfact: Gut.")
    [('fact', 'Die Stadt handelt.'), ('fact', 'Gut.')]
    """
    found: list[tuple[str, str]] = []
    for line in text.strip().splitlines():
        if line.startswith("  "):
            found[-1] = (found[-1][0], f"{found[-1][1]} {line.strip()}")
        elif line.strip():
            key, _, value = line.partition(": ")
            found.append((key, value.strip()))
    return found


def parse_entries(text: str) -> Entries:
    """``key: value`` lines grouped by key, in order."""
    grouped: dict[str, list[str]] = {}
    for key, value in entry_list(text):
        grouped.setdefault(key, []).append(value)
    return {key: tuple(values) for key, values in grouped.items()}


@dataclass(frozen=True)
class Topic:
    """A subject area: its entries by key and the report facts that follow each point entry."""

    entries: Entries
    facts: dict[str, tuple[str, ...]]

    @classmethod
    def parse(cls, text: str) -> Topic:
        """Read a topic; ``fact:`` lines belong to the ``point:``/``intro:``/``sub:`` above."""
        facts: dict[str, tuple[str, ...]] = {}
        owner = ""
        for key, value in entry_list(text):
            if key == "fact":
                facts[owner] = (*facts.get(owner, ()), value)
            else:
                owner = value
        return cls(parse_entries(text), facts)


# ------------------------------------------------------------------------------ data: places, people

AUTHORITIES = tuple(
    tuple(a.split(" | "))
    for a in parse_entries("""
a: Stadt Leipzig | Leipzig | SächsGemO | SR
a: Stadt Chemnitz | Chemnitz | SächsGemO | SR
a: Stadt Görlitz | Görlitz | SächsGemO | SR
a: Landeshauptstadt Magdeburg | Magdeburg | KVG LSA | SR
a: Stadt Halle (Saale) | Halle (Saale) | KVG LSA | SR
a: Hansestadt Rostock | Rostock | KV M-V | BS
a: Hansestadt Stralsund | Stralsund | KV M-V | BS
a: Landeshauptstadt Erfurt | Erfurt | ThürKO | SR
a: Stadt Jena | Jena | ThürKO | SR
a: Landeshauptstadt Potsdam | Potsdam | BbgKVerf | SVV
""")["a"]
)
#: council key -> dative, genitive, members, session prefix, salutation
COUNCILS = {
    key: tuple(value.split(" | "))
    for key, (value,) in parse_entries("""
SR: dem Stadtrat | des Stadtrates | Stadträtinnen/Stadträte | SR | Sehr geehrte Stadträtinnen und Stadträte,
BS: der Bürgerschaft | der Bürgerschaft | Mitglieder | BS | Sehr geehrte Mitglieder der Bürgerschaft,
SVV: der Stadtverordnetenversammlung | der Stadtverordnetenversammlung | Stadtverordnete | SVV | Sehr geehrte Stadtverordnete,
""").items()
}
WORDS = {
    key: tuple(value.split(" "))
    for key, (value,) in parse_entries("""
male: Thomas Andreas Jörg Stefan Michael Uwe Frank Heiko Torsten Rüdiger Matthias Bernd
female: Sabine Kerstin Anja Birgit Katrin Susanne Heike Dorothee Annette Jana Ulrike Grit
last: Seifert Brückner Hoffmann Köhler Lehmann Schulze Wendt Krüger Grünwald Meißner Vogt Pfeiffer Rothe Zschoche Weißbach Hübner Nitzsche Böttcher Löffler Dietze
street: Fritz-Reuter-Straße Käthe-Kollwitz-Straße Karl-Liebknecht-Straße Georg-Schwarz-Straße Lessingstraße Rosa-Luxemburg-Straße Hauptstraße Albert-Schweitzer-Straße Bahnhofstraße
month: Januar Februar März April Mai Juni Juli August September Oktober November Dezember
stamp_month: JAN. FEB. MÄRZ APR. MAI JUNI JULI AUG. SEP. OKT. NOV. DEZ.
""").items()
}
FIRST_MAYOR = ("Erster Bürgermeister", "Erste Bürgermeisterin")
LORD_MAYOR = ("Oberbürgermeister", "Oberbürgermeisterin")
STAMP_DIGITS = {"0": "ÜO", "1": "lI", "2": "Z", "5": "S", "8": "B"}

# ------------------------------------------------------------------------------ data: topics
# Keys: department, role (male / female), committee (genitive / session prefix), title, point
# (the n-th title belongs to the n-th point), intro and sub (a point with sub points), fact (a
# report sentence for the point above it).

SOCIAL = """
department: Geschäftsbereich Soziales | Dezernat Jugend, Soziales, Gesundheit und Schule | Sozialamt
role: Beigeordneter für Soziales / Beigeordnete für Soziales
role: Bürgermeister für Jugend, Soziales und Gesundheit / Bürgermeisterin für Jugend, Soziales und Gesundheit
committee: Ausschusses für Soziales und Gesundheit / SGA
title: Wohnungslosigkeit wirksam begegnen – Hilfeangebote in {city} ausbauen
title: Integrationskonzept fortschreiben – Teilhabe von Zugewanderten stärken
title: Seniorenfreundliche Stadt: Begegnungsstätten erhalten und „Aktiv im Alter“ fördern
point: {OB} wird beauftragt, bis zum 30.06.{y1} ein Konzept zur Vermeidung von Wohnungslosigkeit vorzulegen, das präventive Beratungs- und Unterstützungsangebote, die Zusammenarbeit mit den Wohnungsunternehmen sowie eine aufsuchende Sozialarbeit umfasst.
fact: Das Sozialamt hat gemeinsam mit freien Trägern ein Präventionskonzept erarbeitet, das im {past} im Fachausschuss vorgestellt wurde.
fact: Seit dem 01.01.{y} sind zwei zusätzliche Stellen in der aufsuchenden Sozialarbeit besetzt, die vorrangig im Umfeld der {street} tätig sind.
point: Die Stadt {city} richtet eine zentrale Anlaufstelle ein, in der die Integrations- und Ausländerbeauftragte, das Sozialamt und die Migrations(erst-)beratungsstellen der Wohlfahrtsverbände ihre Angebote bündeln.
fact: Die Integrations- und Ausländerbeauftragte lädt die Träger der Migrations(erst-)beratungsstellen zu regelmäßigen Fachgesprächen ein.
fact: Bislang haben {n} Personen eine Aufenthaltserlaubnis nach § 23 Abs. 2 AufenthG erhalten und werden durch ehrenamtliche Patinnen und Paten begleitet.
point: Die Zuschüsse für die Seniorenbegegnungsstätten werden ab dem Haushaltsjahr {y} um mindestens {pct} Prozent erhöht; die Verwaltung legt hierzu eine Übersicht der Träger vor.
fact: Für die Seniorenbegegnungsstätten stehen im laufenden Haushaltsjahr insgesamt {amount} zur Verfügung.
point: {OB} wird aufgefordert, sich beim Städte- und Gemeindetag dafür einzusetzen, dass die Kosten der Unterkunft für Leistungsberechtigte an die tatsächliche Mietentwicklung angepasst werden.
fact: Das Anliegen wurde im Sozialausschuss des Städte- und Gemeindetages am {date} beraten und dort mehrheitlich unterstützt.
fact: Die Richtwerte für angemessene Unterkunftskosten wurden auf der Grundlage eines schlüssigen Konzeptes neu ermittelt.
point: Der Sozialpass wird künftig automatisch mit dem Leistungsbescheid versandt, sodass eine gesonderte Antragstellung entfällt.
fact: Die automatisierte Versendung setzt Änderungen im Fachverfahren voraus, die mit dem kommunalen IT-Dienstleister abgestimmt werden.
point: Die Verwaltung berichtet dem Fachausschuss jährlich über die Entwicklung der Fallzahlen in der Eingliederungshilfe sowie über die Bearbeitungszeiten der Anträge.
fact: Die Fallzahlen sind gegenüber dem Vorjahr um rund {pct} Prozent gestiegen; die durchschnittliche Bearbeitungszeit beträgt {n} Arbeitstage.
intro: {OB} wird beauftragt, zur Verbesserung der Unterbringungssituation
fact: Die Unterbringungssituation hat sich seit dem Sommer {y1} spürbar entspannt.
sub: die Zahl der Plätze in Gewährleistungswohnungen bedarfsgerecht zu erhöhen;
fact: Die Zahl der Gewährleistungswohnungen wurde im Berichtszeitraum auf {n} erhöht.
sub: mit den kommunalen Wohnungsunternehmen eine Kooperationsvereinbarung über ein festes Kontingent an Belegungsrechten abzuschließen;
fact: Die Kooperationsvereinbarung sichert ein Kontingent von jährlich {n} Wohnungen.
sub: die Angebote für Frauen mit Kindern in Notunterkünften gesondert auszuweisen.
"""
BUILDING = """
department: Dezernat Stadtentwicklung und Bau | Amt für Stadtplanung | Geschäftsbereich Stadtentwicklung, Bau und Wirtschaft
role: Beigeordneter für Stadtentwicklung und Bau / Beigeordnete für Stadtentwicklung und Bau
role: Bürgermeister für Stadtentwicklung und Bau / Bürgermeisterin für Stadtentwicklung und Bau
committee: Ausschusses für Stadtentwicklung und Bau / BA
title: Bezahlbares Wohnen sichern – Kooperative Baulandentwicklung in {city} einführen
title: Sanierung der {street} mit Mitteln des Bund-Länder-Programms
title: Erhaltungssatzung für das Gründerzeitviertel prüfen
point: {OB} wird beauftragt, ein Modell der kooperativen Baulandentwicklung zu erarbeiten, nach dem Vorhabenträger bei neuen Bebauungsplänen mindestens {pct} Prozent der Wohnfläche mietpreis- und belegungsgebunden errichten.
fact: Der Entwurf der Richtlinie zur kooperativen Baulandentwicklung wurde im {past} mit Vertreterinnen und Vertretern der Wohnungswirtschaft erörtert.
fact: Für das erste Vorhaben an der {street} wurde der städtebauliche Vertrag am {date} unterzeichnet.
point: Für die Sanierung der {street} sind Fördermittel aus dem Bund-Länder-Programm „Lebendige Zentren“ zu beantragen; der Eigenanteil ist in der mittelfristigen Finanzplanung abzusichern.
fact: Der Fördermittelbescheid über {amount} ist am {date} eingegangen; mit den Bauarbeiten soll im {month} {y2} begonnen werden.
point: Die Verwaltung prüft für das Quartier an der {street} den Erlass einer Erhaltungssatzung nach § 172 BauGB und legt das Ergebnis {council_dat} vor.
fact: Die Voruntersuchungen haben ergeben, dass die Voraussetzungen nach § 172 Abs. 1 BauGB für den überwiegenden Teil des Gebietes vorliegen.
point: Baulücken in städtischem Eigentum werden in einem Kataster erfasst und vorrangig im Wege der Konzeptvergabe an Baugemeinschaften und Genossenschaften vergeben.
fact: Das Baulückenkataster umfasst derzeit {n} Grundstücke mit einer Gesamtfläche von rund {area} Hektar.
fact: Zwei Grundstücke wurden im {past} im Wege der Konzeptvergabe ausgeschrieben.
point: Bei Vorhaben nach § 34 BauGB ist künftig frühzeitig zu prüfen, ob ein Bebauungsplan zur Sicherung der städtebaulichen Ordnung erforderlich ist.
fact: Eine entsprechende Dienstanweisung für das Bauordnungsamt ist seit dem {date} in Kraft.
intro: Die Verwaltung wird beauftragt, für das Sanierungsgebiet
sub: eine Fortschreibung des integrierten Stadtentwicklungskonzeptes vorzulegen;
fact: Die Fortschreibung des Stadtentwicklungskonzeptes liegt im Entwurf vor.
sub: die Beratungs- und Unterstützungsangebote für private Eigentümerinnen und Eigentümer auszubauen;
fact: Im Quartier haben sich bereits zwei Eigentümer-Standortgemeinschaften gegründet.
sub: den Planungsstand in einer Einwohnerversammlung zu erläutern.
fact: Die Einwohnerversammlung fand am {date} im Bürgerhaus an der {street} statt und stieß auf reges Interesse.
"""
ENVIRONMENT = """
department: Dezernat Umwelt, Klima und Ordnung | Amt für Umweltschutz | Geschäftsbereich Umwelt und Kommunalwirtschaft
role: Beigeordneter für Umwelt, Klima und Ordnung / Beigeordnete für Umwelt, Klima und Ordnung
role: Bürgermeister für Umwelt und Kommunalwirtschaft / Bürgermeisterin für Umwelt und Kommunalwirtschaft
committee: Ausschusses für Umwelt, Klima und Ordnung / UA
title: Klimanotstand ernst nehmen – Energie- und Klimaschutzkonzept fortschreiben
title: Mehr Stadtgrün für {city}: Baumpflanzprogramm "1000 Bäume" auflegen
title: Kleingewässer schützen und renaturieren
point: {OB} wird beauftragt, das Energie- und Klimaschutzkonzept bis Ende {y1} fortzuschreiben und darin verbindliche Zwischenziele zur Minderung der CO2-Emissionen festzulegen.
fact: Das fortgeschriebene Energie- und Klimaschutzkonzept sieht eine Minderung der CO2-Emissionen um {pct} Prozent gegenüber dem Basisjahr vor.
point: Im Stadtgebiet sind jährlich mindestens {n} zusätzliche Straßenbäume zu pflanzen; die Standorte werden mit den Stadtbezirksbeiräten abgestimmt.
fact: In der Pflanzperiode {y1}/{y} wurden insgesamt {n} Straßenbäume gepflanzt.
fact: Die Gießpatenschaften werden im Rahmen der Mach-mit-Aktion „Stadtbaum sucht Pate“ koordiniert; bislang haben sich {n} Patinnen und Paten gemeldet.
point: Die Verwaltung erstellt ein Renaturierungskonzept für die Kleingewässer im Stadtgebiet und beantragt hierfür Mittel aus der Förderrichtlinie Gewässer/Hochwasserschutz.
fact: Für die Renaturierung des Mühlgrabens wurde ein Fördermittelantrag über {amount} gestellt.
point: Alle städtischen Neubauten sind künftig mit Photovoltaikanlagen auszustatten, soweit dies technisch möglich und wirtschaftlich vertretbar ist.
fact: Die Photovoltaikanlage auf dem Dach der Grundschule an der {street} ist seit dem {date} in Betrieb.
point: Die Stadt {city} tritt dem Klima-Bündnis europäischer Städte bei.
fact: Der Beitritt erfordert einen Jahresbeitrag, der im Haushaltsplanentwurf {y2} veranschlagt ist.
intro: {OB} wird beauftragt, zum Schutz des Stadtbaumbestandes
sub: die Baumschutzsatzung hinsichtlich der Ersatzpflanzungen zu überarbeiten;
fact: Die Ersatzpflanzungen werden in einem digitalen Baumkataster erfasst.
sub: ein Gießpatenschaftsprogramm für Anwohnerinnen und Anwohner aufzulegen;
sub: Schäden durch Trockenheit jährlich in einem Baumkataster zu dokumentieren.
"""
CULTURE = """
department: Dezernat Kultur | Kulturamt | Geschäftsbereich Kultur, Sport und Tourismus
role: Beigeordneter für Kultur / Beigeordnete für Kultur
role: Bürgermeister für Kultur und Tourismus / Bürgermeisterin für Kultur und Tourismus
committee: Kulturausschusses / KA
title: Freie Szene stärken – Förderrichtlinie Kultur überarbeiten
title: Stadtbibliothek als Lernort weiterentwickeln
title: Gedenkort an der {street} würdig gestalten
point: Die Förderrichtlinie Kultur ist so zu überarbeiten, dass Projekte der freien Szene mehrjährig gefördert werden können.
fact: Die überarbeitete Förderrichtlinie ist am 01.01.{y} in Kraft getreten und ermöglicht erstmals eine Förderung über drei Jahre.
point: {OB} wird beauftragt, die Öffnungszeiten der Stadtbibliothek und ihrer Zweigstellen schrittweise auf den Samstag auszuweiten.
fact: Seit dem {date} ist die Zentralbibliothek auch samstags geöffnet; die Zweigstellen folgen schrittweise.
point: Für die Gestaltung des Gedenkortes an der {street} wird ein offener Wettbewerb ausgelobt; die Jury ist unter Beteiligung des Stadt- und Kreisheimatvereins zu besetzen.
fact: Die Wettbewerbsunterlagen wurden mit dem Landesamt für Denkmalpflege abgestimmt; das Preisgericht tagt voraussichtlich im {month} {y2}.
point: Die Verwaltung legt ein Konzept zur Nachnutzung des ehemaligen Kinos vor, das Ateliers, Proberäume und eine Spielstätte für Kinder- und Jugendtheater vorsieht.
fact: Für die Sanierung des ehemaligen Kinos wurden Mittel aus dem Programm "Investitionen in nationale Kultureinrichtungen" beantragt.
point: Museen in städtischer Trägerschaft gewähren an einem Sonntag im Monat freien Eintritt.
fact: Der freie Eintritt an jedem ersten Sonntag im Monat hat zu einem Anstieg der Besucherzahlen um rund {pct} Prozent geführt.
fact: Ergänzend finden in den Sommermonaten Open-Air-Veranstaltungen in den Museumshöfen statt.
intro: Die Verwaltung wird beauftragt, im Rahmen der Kulturentwicklungsplanung
sub: die Bedarfe der freien Träger in einer Befragung zu erheben;
fact: An der Befragung haben sich {n} Vereine, Initiativen sowie Einzelkünstlerinnen und -künstler beteiligt.
sub: Probe- und Atelierräume in städtischen Liegenschaften auszuweisen;
sub: einen Kulturbeirat mit beratender Funktion einzurichten.
fact: Der Kulturbeirat hat sich am {date} konstituiert und tagt viermal im Jahr.
"""
SCHOOL = """
department: Amt für Schule | Dezernat Jugend, Schule und Demokratie | Geschäftsbereich Bildung, Jugend und Sport
role: Beigeordneter für Jugend, Schule und Demokratie / Beigeordnete für Jugend, Schule und Demokratie
role: Bürgermeister für Bildung, Jugend und Sport / Bürgermeisterin für Bildung, Jugend und Sport
committee: Ausschusses für Jugend, Schule und Demokratie / JSA
title: Schulnetzplanung fortschreiben – Kapazitäten an Grundschulen sichern
title: Schulsozialarbeit an allen Oberschulen verstetigen
title: Sanierungsstau bei Kindertageseinrichtungen abbauen
point: {OB} wird beauftragt, die Schulnetzplanung bis zum Schuljahr {y2}/{y3} fortzuschreiben und dabei die aktuelle Bevölkerungsvorausschätzung zu berücksichtigen.
fact: Die Fortschreibung der Schulnetzplanung weist bis zum Schuljahr {y2}/{y3} einen zusätzlichen Bedarf von {n} Zügen im Grundschulbereich aus.
point: An allen Oberschulen ist Schulsozialarbeit mit mindestens einer Vollzeitstelle dauerhaft vorzuhalten.
fact: Derzeit sind an {n} Oberschulen Fachkräfte der Schulsozialarbeit tätig; die Finanzierung erfolgt anteilig über eine Förderrichtlinie des Landes.
point: Die Verwaltung legt eine Prioritätenliste für die Sanierung der Kindertageseinrichtungen vor, die den baulichen Zustand, die Auslastung und den Brandschutz berücksichtigt.
fact: Für die Sanierung der Kindertageseinrichtungen stehen im Doppelhaushalt {y}/{y2} insgesamt {amount} zur Verfügung.
point: Für die Grundschule an der {street} ist ein Erweiterungsbau in Modulbauweise zu planen.
fact: Der Erweiterungsbau soll zum Schuljahresbeginn {y2} bezugsfertig sein; die Kosten belaufen sich auf rund {amount}.
point: Die Schulwegsicherung ist gemeinsam mit der Straßenverkehrsbehörde für alle Grundschulstandorte zu überprüfen.
fact: An {n} Standorten wurden Querungshilfen, Tempo-30-Zonen oder Schülerlotsendienste eingerichtet.
intro: Die Verwaltung wird beauftragt, zur Sicherung ausreichender Betreuungsplätze
fact: Nach § 24 Abs. 3 SGB VIII haben Kinder ab Vollendung des dritten Lebensjahres Anspruch auf Förderung in einer Tageseinrichtung.
sub: die Kapazitäten der Kindertageseinrichtungen und der Kindertagespflege jährlich fortzuschreiben;
sub: freie Träger bei der Schaffung zusätzlicher Plätze durch Investitionszuschüsse zu unterstützen;
fact: Im Berichtszeitraum wurden mit Investitionszuschüssen {n} zusätzliche Kita-Plätze geschaffen.
sub: dem Jugendhilfeausschuss halbjährlich über den Stand zu berichten.
"""
TRAFFIC = """
department: Verkehrs- und Tiefbauamt | Dezernat Stadtentwicklung und Verkehr | Mobilitäts- und Tiefbauamt
role: Beigeordneter für Stadtentwicklung und Verkehr / Beigeordnete für Stadtentwicklung und Verkehr
role: Bürgermeister für Mobilität und Tiefbau / Bürgermeisterin für Mobilität und Tiefbau
committee: Ausschusses für Stadtentwicklung und Verkehr / VA
title: Verkehrsentwicklungsplan fortschreiben – Radverkehr sicher machen
title: Barrierefreier Ausbau von Haltestellen im Stadtgebiet
title: Tempo 30 vor Schulen und Kindertageseinrichtungen
point: {OB} wird beauftragt, den Verkehrsentwicklungsplan fortzuschreiben und darin einen Anteil des Umweltverbundes von mindestens {pct} Prozent als Ziel festzulegen.
fact: Der Entwurf des Verkehrsentwicklungsplans wurde im {past} öffentlich ausgelegt; es gingen {n} Stellungnahmen ein.
point: Bis zum Jahr {y3} sind alle Straßenbahn- und Bushaltestellen mit hohem Fahrgastaufkommen barrierefrei auszubauen.
fact: Die Verkehrsbetriebe haben zugesagt, den barrierefreien Umbau in ihr Investitionsprogramm aufzunehmen.
point: Vor Schulen und Kindertageseinrichtungen an Hauptverkehrsstraßen ist nach § 45 Abs. 9 StVO eine Geschwindigkeitsbegrenzung auf 30 km/h anzuordnen.
fact: Eine Anordnung nach § 45 Abs. 9 StVO erfordert eine Einzelfallprüfung, die für jeden Standort durch die Straßenverkehrsbehörde vorgenommen wird.
point: Die Verwaltung richtet auf der {street} einen geschützten Radfahrstreifen ein und prüft hierfür die Umwidmung einer Fahrspur.
fact: Der Radfahrstreifen wurde am {date} für den Verkehr freigegeben.
point: Das Parkraumbewirtschaftungskonzept für die Innenstadt ist zu überarbeiten; die Einnahmen sind zweckgebunden für den Radverkehr einzusetzen.
fact: Die Einnahmen fließen unter anderem in den Ausbau von Park-and-Ride-Anlagen am Stadtrand.
point: Die Verwaltung berichtet jährlich über die Zahl der Verkehrsunfälle mit Beteiligung von Radfahrenden sowie Fußgängerinnen und Fußgängern.
fact: Die Unfallstatistik weist für das Jahr {y1} einen Rückgang der Unfälle mit Radfahrenden um {pct} Prozent aus.
intro: {OB} wird beauftragt, zur Förderung des Radverkehrs
sub: Fahrradabstellanlagen an Haltestellen des öffentlichen Personennahverkehrs zu errichten;
sub: die Ampelschaltungen an Hauptrouten auf die Belange des Rad- und Fußverkehrs abzustimmen;
sub: eine Stelle für eine Radverkehrsbeauftragte oder einen Radverkehrsbeauftragten zu schaffen.
fact: Die Stelle der Radverkehrsbeauftragten ist seit dem {date} besetzt.
"""
FINANCE = """
department: Dezernat Finanzen | Stadtkämmerei | Geschäftsbereich Finanzen, Liegenschaften und Beteiligungen
role: Bürgermeister und Beigeordneter für Finanzen / Bürgermeisterin und Beigeordnete für Finanzen
role: Beigeordneter für Finanzen und Liegenschaften / Beigeordnete für Finanzen und Liegenschaften
committee: Finanzausschusses / FA
title: Haushaltskonsolidierungskonzept konsequent umsetzen
title: Transparenz bei städtischen Beteiligungen erhöhen
title: Bürgerhaushalt für {city} einführen
point: Die im Haushaltskonsolidierungskonzept aufgeführten Maßnahmen sind bis zum Ende des Haushaltsjahres {y} umzusetzen; über Abweichungen ist der Finanzausschuss quartalsweise zu unterrichten.
fact: Von den {n} Einzelmaßnahmen des Konsolidierungskonzeptes ist die Mehrzahl umgesetzt; das Konsolidierungsvolumen beträgt {amount}.
fact: Die Rechtsaufsichtsbehörde hat den Haushalt unter der Auflage genehmigt, das Haushaltssicherungskonzept fortzuschreiben.
point: {OB} wird beauftragt, einen Beteiligungsbericht vorzulegen, der die Vergütungen der Geschäftsführungen der städtischen Unternehmen individualisiert ausweist.
fact: Der Beteiligungsbericht {y1} wurde {council_dat} als {drs} zur Kenntnis gegeben.
fact: Die Veröffentlichung individualisierter Vergütungen setzt eine Änderung der Gesellschaftsverträge voraus, die der Zustimmung der Mitgesellschafter bedarf.
point: Die Verwaltung erarbeitet ein Verfahren für einen Bürgerhaushalt, bei dem Einwohnerinnen und Einwohner über die Verwendung von jährlich {amount} mitentscheiden.
fact: Im ersten Durchgang gingen {n} Vorschläge ein, von denen zwölf zur Abstimmung gestellt wurden.
point: Nicht betriebsnotwendige Grundstücke sind zu veräußern, soweit sie nicht für Zwecke der Stadtentwicklung oder des Wohnungsbaus benötigt werden.
fact: Im Haushaltsjahr {y1} wurden {n} Grundstücke mit einem Erlös von insgesamt {amount} veräußert.
point: Die Hebesätze der Grund- und Gewerbesteuer bleiben bis zum Ende der mittelfristigen Finanzplanung unverändert.
point: Die Verwaltung prüft die Einführung einer Zweitwohnungsteuer und legt hierzu den Entwurf einer Satzung vor.
fact: Eine Zweitwohnungsteuer würde nach vorläufigen Berechnungen Mehreinnahmen von rund {amount} jährlich erbringen.
intro: Die Verwaltung wird beauftragt, im Rahmen der Haushaltsaufstellung
sub: die Folgekosten von Investitionen gesondert darzustellen;
sub: Personal- und Sachkosten je Produktbereich auszuweisen;
fact: Die Personal- und Sachkosten werden seit dem Haushaltsplan {y} je Produktbereich ausgewiesen.
sub: die Kreditaufnahme auf das zur Finanzierung der Investitionen notwendige Maß zu begrenzen.
"""
ORDER = """
department: Ordnungsamt | Dezernat Allgemeine Verwaltung und Ordnung | Fachbereich Sicherheit und Ordnung
role: Beigeordneter für Ordnung und Sicherheit / Beigeordnete für Ordnung und Sicherheit
role: Bürgermeister für Allgemeine Verwaltung / Bürgermeisterin für Allgemeine Verwaltung
committee: Ausschusses für Allgemeine Verwaltung und Ordnung / OA
title: Sicherheit und Sauberkeit am Hauptbahnhof verbessern
title: Stadtordnungsdienst personell verstärken
title: Brandschutz- und Feuerwehrbedarfsplan fortschreiben
point: {OB} wird beauftragt, gemeinsam mit der Landespolizei und der Bahn ein Sicherheitskonzept für den Bahnhofsvorplatz zu erarbeiten.
fact: Die Sicherheitspartnerschaft mit der Landespolizei und der Bahn wurde am {date} unterzeichnet.
point: Der Stadtordnungsdienst wird um {n} Stellen verstärkt; die Präsenz in den Abendstunden ist zu erhöhen.
fact: Die zusätzlichen Stellen wurden ausgeschrieben; bislang konnten {n} Stellen besetzt werden.
point: Der Feuerwehrbedarfsplan ist fortzuschreiben; dabei ist die Einhaltung der Hilfsfrist in allen Stadtteilen nachzuweisen.
fact: Nach dem Entwurf des Feuerwehrbedarfsplans wird die Hilfsfrist in {pct} Prozent der Einsätze eingehalten.
point: Die Polizeiverordnung ist dahingehend zu ändern, dass das Abbrennen von Pyrotechnik in der Altstadt untersagt wird.
fact: Die geänderte Polizeiverordnung wurde am {date} im Amtsblatt bekannt gemacht.
point: Die Verwaltung stellt an stark frequentierten Plätzen zusätzliche Abfallbehälter auf und verkürzt die Leerungsintervalle.
fact: An den Plätzen der Innenstadt wurden {n} zusätzliche Abfallbehälter aufgestellt; die Leerung erfolgt nun täglich.
point: Für die Freiwilligen Feuerwehren werden bis {y3} zwei neue Gerätehäuser errichtet.
fact: Für das Gerätehaus der Freiwilligen Feuerwehr Nord liegt die Baugenehmigung vor; der Baubeginn ist für den {month} {y2} geplant.
intro: Die Verwaltung wird beauftragt, zur Verbesserung der Sicherheit im öffentlichen Raum
sub: die Beleuchtung an den Unterführungen der {street} zu erneuern;
fact: Die Erneuerung der Beleuchtung ist in die Maßnahmenplanung des Tiefbauamtes aufgenommen.
sub: ein Präventionsprogramm mit Schulen, Vereinen und der Polizei aufzulegen;
sub: die Sprechzeiten des Bürgerbüros auszuweiten.
"""
TOPICS = tuple(
    Topic.parse(t)
    for t in (SOCIAL, BUILDING, ENVIRONMENT, CULTURE, SCHOOL, TRAFFIC, FINANCE, ORDER)
)

# ------------------------------------------------------------------------------ data: letter phrases

STATUS_PHRASES = parse_entries("""
implemented: Der Beschlusspunkt wurde umgesetzt.
implemented: Der Beschluss ist vollständig umgesetzt.
implemented: Die Umsetzung ist erfolgt.
implemented: Der Beschlusspunkt ist umgesetzt.
partially_implemented: Der Beschlusspunkt wurde teilweise umgesetzt.
partially_implemented: Der Beschlusspunkt ist in Teilen umgesetzt.
partially_implemented: Der Beschlusspunkt ist bislang nur teilweise umgesetzt.
in_progress: Die Umsetzung ist noch nicht abgeschlossen.
in_progress: Der Beschlusspunkt befindet sich in Umsetzung.
in_progress: Die Prüfung dauert an.
not_implemented: Der Beschlusspunkt wurde nicht umgesetzt.
not_implemented: Eine Umsetzung ist nicht erfolgt.
not_implemented: Der Beschlusspunkt kann nicht umgesetzt werden.
obsolete: Der Beschlusspunkt hat sich erledigt.
obsolete: Der Beschlusspunkt ist gegenstandslos geworden.
obsolete: Der Beschlusspunkt ist obsolet.
""")
STATUSES = tuple(STATUS_PHRASES)
#: explanation sentences by status group ("open": in progress, partial, or no status sentence)
STATUS_SENTENCES = parse_entries("""
done: Die erforderlichen Maßnahmen sind in das laufende Verwaltungshandeln übergegangen.
done: Über das Ergebnis wurde der zuständige Fachausschuss in seiner Sitzung am {date} informiert.
done: Weitere Schritte sind aus Sicht der Verwaltung nicht erforderlich.
done: Die Ergebnisse wurden im Amtsblatt sowie auf der Internetseite der Stadt {city} veröffentlicht.
done: Die Maßnahme konnte im Rahmen der Haushaltsdurchführung ohne zusätzliche Mittel realisiert werden.
done: Die Rückmeldungen der Beteiligten fielen durchweg positiv aus.
open: Die Abstimmung mit den beteiligten Ämtern ist noch nicht beendet.
open: Es ist vorgesehen, {council_dat} im {quarter} Quartal {y2} eine Vorlage zur Beschlussfassung vorzulegen.
open: Aufgrund personeller Engpässe hat sich die Bearbeitung verzögert.
open: Die Ergebnisse der Online-Beteiligung werden derzeit ausgewertet.
open: Die Verwaltung wird über den weiteren Fortgang unaufgefordert berichten.
open: Mit einem Abschluss der Arbeiten ist nach derzeitigem Stand im {quarter} Quartal {y2} zu rechnen.
open: Ein erster Entwurf liegt vor und wird derzeit mit den Trägern öffentlicher Belange abgestimmt.
open: Die erforderlichen Haushaltsmittel sind für das Haushaltsjahr {y2} angemeldet.
closed: Eine Finanzierung ist im Rahmen des Haushaltskonsolidierungskonzeptes nicht darstellbar.
closed: Die rechtlichen Voraussetzungen nach {law} liegen nicht vor.
closed: Das zugrunde liegende Förderprogramm des Landes wurde zum {date} eingestellt.
closed: Der Sachverhalt ist durch die zwischenzeitlich geänderte Rechtslage überholt.
closed: Der Landesgesetzgeber hat die Frage mit der Novelle vom {date} neu geregelt.
closed: Die Fachverwaltung sieht nach Abwägung aller Belange von einer Umsetzung ab.
closed: Die Prüfung hat ergeben, dass der Aufwand in keinem angemessenen Verhältnis zum Nutzen steht.
closed: Mit dem Beschluss zur {drs} wurde zwischenzeitlich eine abweichende Regelung getroffen.
""")
#: weights of STATUSES and None for letters about settled, open and sparsely reported points
STATUS_PROFILES = ((6, 0, 0, 2, 2, 0), (4, 3, 4, 1, 1, 1), (3, 0, 1, 1, 1, 6))
STATUS_GROUP = {"implemented": "done", "not_implemented": "closed", "obsolete": "closed"}
PHRASES = parse_entries("""
generic: Die Zuständigkeit hierfür ergibt sich aus {law}.
generic: Vergleichbare Regelungen bestehen bereits in Baden-Württemberg und Nordrhein-Westfalen.
generic: Die Abstimmung erfolgte unter Beteiligung der Stadtbezirksbeiräte und der Ortschaftsräte.
generic: Eine Kosten- und Finanzierungsübersicht ist diesem Schreiben als Anlage beigefügt.
generic: Die Einzelheiten sind in der Informationsvorlage {drs} dargestellt.
generic: Die hierfür benötigten Mittel wurden im Rahmen des bestätigten Haushaltes bereitgestellt.
generic: Die Fachverwaltung hat im Berichtszeitraum eine Zeit- und Maßnahmenplanung erarbeitet.
generic: Eine erste Kostenschätzung wurde im {past} durch das zuständige Fachamt vorgelegt.
generic: Die Stellungnahme des Rechnungsprüfungsamtes liegt seit dem {date} vor.
generic: Die Gleichstellungsbeauftragte und der Behindertenbeirat wurden frühzeitig einbezogen.
generic: Die Maßnahmen stehen im Einklang mit den Zielen des Integrierten Stadtentwicklungskonzeptes.
generic: Die Beratungs- und Abstimmungsprozesse wurden durch eine externe Moderation begleitet.
generic: Über den Stand wurde zuletzt in der Dienstberatung des Verwaltungsvorstandes am {date} berichtet.
generic: Eine Evaluation der Maßnahmen ist nach Ablauf von zwei Jahren vorgesehen.
generic: Die Hinweise aus der Einwohnerfragestunde wurden geprüft und, soweit möglich, berücksichtigt.
generic: Zur Koordinierung wurde eine Ad-hoc-Arbeitsgruppe unter Leitung des Fachbereiches eingerichtet.
intro: zu dem oben genannten Beschluss wird Ihnen folgender Sachstand mitgeteilt:
intro: zur Umsetzung des o. g. Beschlusses berichte ich Ihnen wie folgt:
intro: in der Sitzung am {rdate} wurde folgender Beschluss gefasst, zu dessen Umsetzung ich Ihnen den aktuellen Stand mitteile:
intro: nachstehend erhalten Sie die Information zum Stand der Umsetzung des Beschlusses:
final_intro: hiermit wird abschließend über die Umsetzung des oben genannten Beschlusses informiert:
final_intro: zum o. g. Beschluss teile ich Ihnen abschließend Folgendes mit:
interim_intro: zum o. g. Beschluss gebe ich Ihnen folgenden Zwischenstand zur Kenntnis:
interim_intro: als Zwischenbericht zur Umsetzung des oben genannten Beschlusses teile ich Ihnen Folgendes mit:
reference: Beschlusskontrolle zu {r}
reference: Sachstandsbericht zu {r}
reference: Beschlusskontrolle zum Beschluss {r}
final_reference: Abschlussbericht zur Beschlusskontrolle zu {r}
interim_reference: Zwischenbericht zur Beschlusskontrolle zu {r}
address: An alle | Fraktionen sowie {members} | {council_gen} der {authority}
address: An die Fraktionen | {council_gen} der {authority}
address: An die Mitglieder {council_gen} | der {authority}
committee_address: An den Vorsitzenden des | {committee}
committee_address: An die Vorsitzende des | {committee}
closing: Ich bitte um Kenntnisnahme.
closing: Für Rückfragen stehen Ihnen die Mitarbeiterinnen und Mitarbeiter des Fachbereiches gern zur Verfügung.
closing: Über den weiteren Fortgang werde ich Sie zu gegebener Zeit informieren.
""")
CONJUNCTIONS = ("und", "oder", "sowie")
STRAY_MARKS = ("^", "'", "`", "°", ",")
SCRIBBLE_PARTS = ("i", "(/", "/~", ",", "—l-", ",'.", "l", "/", ")", "'", "_", "-", "ı", ".", "\\")
SCRIBBLE_MARKS = ("■", "~", "^", "\\", "|", "—")
ROLE_DAMAGE = ("ü>u", "ü>ii", "r>/", "i>l", "m>rn", "ö>o", "e>c", "ä>a", "n>ri", "h>b")
NAME_DIGITS = ("a>4", "o>0", "O>0", "e>3", "l>1", "i>1", "s>5", "S>5", "B>8", "g>9")
NAME_GARBLE = ("r>f", "n>ri", "h>b", "ü>ii")
WORD_RE = re.compile(r"^([„\"(]*)([A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*)([.,;:!?“\")]*)$")
HYPHENATOR = pyphen.Pyphen(lang="de_DE")

# ------------------------------------------------------------------------------ types


@dataclass
class Letter:
    """One generated letter: OCR-like text, clean text, record, breaks, and what is noise."""

    id: str
    ocr_text: str
    text: str
    record: dict[str, Any]
    breaks: list[dict[str, str]]
    noise_lines: list[str] = field(default_factory=list)  # OCR lines absent from the truth
    repairs: dict[str, str] = field(default_factory=dict)  # damaged OCR line -> clean line

    def truth(self) -> dict[str, Any]:
        """The content of ``<id>.truth.json``."""
        return {"id": self.id, "text": self.text, "record": self.record, "breaks": self.breaks}


@dataclass
class Line:
    """An OCR line; a ``sticky`` line ends inside a word, so no blank or page break may follow."""

    text: str
    sticky: bool = False


@dataclass
class Block:
    """A paragraph of the clean text and how it is printed (``body`` None: noise only)."""

    body: str | None
    marker: str = ""  # point marker printed on its own line: "1.", "a)"
    ocr: tuple[str, ...] | None = None  # printed lines, when not wrapped from ``body``
    gap: float = 0.6  # chance of a blank line before the block

    @property
    def truth(self) -> str | None:
        """The block's paragraph in the clean text."""
        if self.body is None:
            return None
        return f"{self.marker} {self.body}" if self.marker else self.body


@dataclass
class Sheet:
    """State while one letter is laid out: randomness, layout settings, breaks and noise."""

    rng: random.Random
    day: date  # the letter's date; reported events lie between the resolution and it
    since: date  # the resolution's date
    values: dict[str, str]
    width: int
    hyphenate: float
    blank: float
    forms: tuple[float, float, float]
    quotes: str
    breaks: list[dict[str, str]] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    repairs: dict[str, str] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)

    def fill(self, template: str) -> str:
        """Fill placeholders (numbers, dates, streets drawn afresh) and apply the quote style."""
        rng = self.rng
        past = self.since + timedelta(rng.randint(14, (self.day - self.since).days - 14))
        amounts = (
            f"{rng.randint(12, 950)}.000 Euro",
            f"{rng.randint(1, 9)},{rng.randint(1, 9)} Mio. Euro",
            f"{rng.randint(1, 4)},{rng.randint(10, 95)} Mio. EUR",
        )
        text = template.format(
            **self.values,
            n=rng.randint(3, 48),
            pct=rng.choice((5, 10, 15, 20, 25, 30, 40)),
            area=f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
            amount=rng.choice(amounts),
            date=format_date(past),
            past=f"{WORDS['month'][past.month - 1]} {past.year}",
            month=rng.choice(WORDS["month"]),
            quarter=rng.choice(("ersten", "zweiten", "dritten", "vierten")),
            drs=f"Drucksache {rng.randint(5, 22)}/{rng.randint(1000, 9999)}",
        )
        if self.quotes == "plain":
            return text.replace("„", '"').replace("“", '"')
        return text.replace("“", '"') if self.quotes == "mixed" else text


# ------------------------------------------------------------------------------ small helpers


def format_date(day: date) -> str:
    """German typed date.

    >>> format_date(date(2013, 1, 31))
    '31.01.2013'
    """
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def garble_stamp(day: date, rng: random.Random) -> str:
    """A date stamp as OCR reads it: 31.01.2013 -> ``3 1, JAN. ZÜ13``."""

    def confuse(digits: str, chance: float) -> str:
        return "".join(
            rng.choice(STAMP_DIGITS[c]) if c in STAMP_DIGITS and rng.random() < chance else c
            for c in digits
        )

    days = confuse(f"{day.day:02d}", 0.15)
    if rng.random() < 0.6:
        days = f"{days[0]} {days[1]}"
    month = (
        "SEPT." if day.month == 9 and rng.random() < 0.5 else WORDS["stamp_month"][day.month - 1]
    )
    space = " " if rng.random() < 0.85 else ""
    return f"{days}{rng.choice(',.')}{space}{month} {confuse(str(day.year), 0.45)}"


def damage(text: str, rng: random.Random, table: tuple[str, ...], times: int) -> str:
    """Apply ``times`` random OCR confusions ``old>new`` from ``table`` at random places."""
    for _ in range(times):
        options = [rule.split(">") for rule in table if rule.split(">")[0] in text]
        if not options:
            break
        old, new = rng.choice(options)
        at = rng.choice([m.start() for m in re.finditer(re.escape(old), text)])
        text = text[:at] + new + text[at + len(old) :]
    return text


def scrawl(name: str, rng: random.Random) -> str:
    """A signature OCRed as one word with a digit: ``Burkhard Jung`` -> ``Burkh4rdJung``."""
    word = damage(name.replace(" ", ""), rng, NAME_DIGITS, 1)
    return damage(word, rng, NAME_GARBLE, rng.randint(0, 1))


def scribble(rng: random.Random) -> str:
    """A line of signature strokes read as characters, e.g. ``i ■ (/``."""
    parts = [rng.choice(SCRIBBLE_PARTS) for _ in range(rng.randint(1, 4))]
    parts.insert(rng.randint(0, len(parts)), rng.choice(SCRIBBLE_MARKS))
    return " ".join(parts)


def person(rng: random.Random, female: bool) -> str:
    """An invented full name."""
    return f"{rng.choice(WORDS['female' if female else 'male'])} {rng.choice(WORDS['last'])}"


def split_points(core: str) -> list[tuple[int, str]]:
    """Where a word may be broken at a line end, as ``(index, kind)``.

    Kind ``word`` breaks before ``core[index]`` (a pyphen hyphenation point); kind
    ``compound_hyphen`` breaks at the real hyphen ``core[index]``. Words with inner capitals
    (``AufenthG``, ``UNHCR``) are never broken.

    >>> split_points("aufnehmen")
    [(3, 'word'), (6, 'word')]
    >>> split_points("Save-me-Kampagne")[:2]
    [(4, 'compound_hyphen'), (7, 'compound_hyphen')]
    >>> split_points("SächsGemO")
    []
    """
    parts = core.split("-")
    if any(part[1:] != part[1:].lower() for part in parts):
        return []
    points: list[tuple[int, str]] = []
    offset = 0
    for i, part in enumerate(parts):
        if len(part) >= 5:
            points += [(offset + pos, "word") for pos in HYPHENATOR.positions(part)]
        offset += len(part)
        if i < len(parts) - 1 and offset >= 3 and len(core) - offset - 1 >= 3:
            points.append((offset, "compound_hyphen"))
        offset += 1
    return sorted(points)


def derive_report_kind(points: list[dict[str, Any]]) -> str | None:
    """Report kind from statuses: ``interim`` if anything is open, ``final`` if all is settled.

    >>> derive_report_kind([{"status": "implemented", "children": []}])
    'final'
    >>> derive_report_kind([{"status": None, "children": [{"status": "in_progress"}]}])
    'interim'
    """
    statuses = [p["status"] for p in points] + [c["status"] for p in points for c in p["children"]]
    if any(s in ("in_progress", "partially_implemented") for s in statuses):
        return "interim"
    if points and all(p["status"] is not None for p in points):
        return "final"
    return None


# ------------------------------------------------------------------------------ line layout


def try_split(
    token: str, room: int, sheet: Sheet, kinds: tuple[str, ...] = ("word", "compound_hyphen")
) -> tuple[str, str] | None:
    """Break ``token`` so its head fits in ``room``; record the break; return (head, rest)."""
    match = WORD_RE.match(token)
    if not match or room < 4:
        return None
    lead, core, trail = match.groups()
    fitting = [(i, k) for i, k in split_points(core) if len(lead) + i + 1 <= room and k in kinds]
    if not fitting or sheet.rng.random() >= (0.8 if "-" in core else sheet.hyphenate):
        return None
    compounds = [c for c in fitting if c[1] == "compound_hyphen"]
    at, kind = max(compounds) if compounds and sheet.rng.random() < 0.7 else max(fitting)
    if kind == "word":
        first, second = core[:at], core[at:]
        form = sheet.rng.choices(("hyphen", "lost", "lost_blank"), sheet.forms)[0]
    else:
        first, second, form = core[:at], core[at + 1 :], "hyphen"
    sheet.breaks.append(
        {"joined": core, "first": first, "second": second, "form": form, "kind": kind}
    )
    return lead + first + ("-" if form == "hyphen" else ""), second + trail


def suspended_line(text: str, conjunction: str, sheet: Sheet) -> Line:
    """End a line after a suspended compound (``Städte-`` before ``und``) and record it."""
    first = text.rsplit(" ", 1)[-1].lstrip('„"(')[:-1]
    joined = f"{first}- {conjunction}"
    sheet.breaks.append(
        {
            "joined": joined,
            "first": first,
            "second": conjunction,
            "form": "hyphen",
            "kind": "suspended",
        }
    )
    return Line(text, sticky=True)


def wrap(text: str, sheet: Sheet) -> list[Line]:
    """Greedy justified-letter wrapping with hyphenation and spurious blank lines."""
    tokens = re.split(r" (?!\S+/\d{3}/\d{4})", text)  # keeps "OBR Alt/011/2010" on one line
    lines: list[Line] = []
    current, i = "", 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        candidate = f"{current} {token}" if current else token
        fits = len(candidate) <= sheet.width or not current
        # near the line end, a hyphenated compound is sometimes broken at its own hyphen
        early = fits and bool(current) and "-" in token[1:-1] and len(candidate) > sheet.width - 12
        if fits and not (early and sheet.rng.random() < 0.5):
            current, i = candidate, i + 1
            if (
                token.endswith("-")
                and following in CONJUNCTIONS
                and len(current) > sheet.width - 25
                and sheet.rng.random() < 0.6
            ):
                lines.append(suspended_line(current, following, sheet))
                current = ""
            continue
        room = sheet.width + (0 if fits else 3) - len(current) - 1
        piece = try_split(
            token, room, sheet, ("compound_hyphen",) if fits else ("word", "compound_hyphen")
        )
        if piece:
            head, tokens[i] = piece
            lines.append(Line(f"{current} {head}", sticky=True))
            if sheet.breaks[-1]["form"] == "lost_blank":
                lines.append(Line("", sticky=True))
        elif fits:
            current, i = candidate, i + 1
            continue
        elif current.endswith("-") and token in CONJUNCTIONS:
            lines.append(suspended_line(current, token, sheet))
        else:
            lines.append(Line(current))
        current = ""
    if current:
        lines.append(Line(current))
    return sprinkle_blanks(lines, sheet)


def sprinkle_blanks(lines: list[Line], sheet: Sheet) -> list[Line]:
    """Insert the spurious blank lines OCR puts inside paragraphs (never inside a word)."""
    out: list[Line] = []
    for n, line in enumerate(lines):
        out.append(line)
        if n < len(lines) - 1 and not line.sticky and sheet.rng.random() < sheet.blank:
            out.append(Line(""))
    return out


def render(blocks: list[Block], sheet: Sheet) -> list[Line]:
    """Print the blocks as OCR lines."""
    out: list[Line] = []
    for block in blocks:
        if out and sheet.rng.random() < block.gap:
            out.append(Line(""))
        if block.marker:
            out.append(Line(block.marker, sticky=True))
            if sheet.rng.random() < 0.7:
                out.append(Line(""))
        if block.ocr is not None:
            out += sprinkle_blanks([Line(t) for t in block.ocr], sheet)
        elif block.body is not None:
            out += wrap(block.body, sheet)
    return out


def paginate(lines: list[Line], sheet: Sheet, running_head: str | None) -> list[str]:
    """Cut into pages with "Seite k von n" furniture and an optional running head."""
    total = len(lines)
    pages = max(2, math.ceil(total / sheet.rng.randint(46, 58)))
    cuts = [0]
    for k in range(1, pages):
        cut = max(cuts[-1] + 5, round(k * total / pages) + sheet.rng.randint(-3, 3))
        while cut < total - 3 and (lines[cut - 1].sticky or not lines[cut - 1].text):
            cut += 1
        cuts.append(cut)
    cuts.append(total)
    out: list[str] = []
    for page in range(pages):
        body = [line.text for line in lines[cuts[page] : cuts[page + 1]]]
        while body and not body[0]:
            body.pop(0)
        while body and not body[-1]:
            body.pop()
        furniture = f"Seite {page + 1} von {pages}"
        sheet.noise.append(furniture)
        out += [*([running_head, ""] if running_head else []), *body, "", furniture]
        if page < pages - 1:
            out.append("")
    return out + (["", *sheet.trailer] if sheet.trailer else [])


# ------------------------------------------------------------------------------ letter content


def line_block(text: str, gap: float = 0.6) -> Block:
    """A block printed as the single line ``text``."""
    return Block(text, ocr=(text,), gap=gap)


def printed_block(sheet: Sheet, clean: str, printed: str, gap: float = 0.6) -> Block:
    """A one-line block whose printed form may be damaged (the repair is recorded)."""
    if printed != clean:
        sheet.repairs[printed] = clean
    return Block(clean, ocr=(printed,), gap=gap)


def noise_block(sheet: Sheet, text: str) -> Block:
    """An OCR-only line (scribble, scrawled signature)."""
    sheet.noise.append(text)
    return Block(None, ocr=(text,), gap=0.5)


def resolution_number(rng: random.Random, year: int) -> str:
    """A resolution number like ``A0404/11``, ``V-CB0001/09`` or ``OBR Alt/011/2010``."""
    yy, nnnn = year % 100, rng.randint(1, 1999)
    district = rng.choice(("Alt", "Nord", "Süd", "Ost"))
    return rng.choice(
        (
            f"A{nnnn:04d}/{yy:02d}",
            f"V{nnnn:04d}/{yy:02d}",
            f"V-{rng.choice(('CB', 'EB', 'DS'))}{nnnn:04d}/{yy:02d}",
            f"OBR {district}/{rng.randint(1, 60):03d}/{year}",
        )
    )


def file_reference(rng: random.Random, year: int) -> str:
    """A file reference like ``(GB 5) 50.01``, ``61.21-0815/2014`` or ``III/32 102``."""
    a, b, roman = rng.randint(10, 66), rng.randint(1, 40), rng.choice(("II", "III", "IV", "VI"))
    return rng.choice(
        (
            f"({rng.choice(('GB', 'Dez.'))} {rng.randint(1, 8)}) {a}.{b:02d}",
            f"{a}.{b:02d}-{rng.randint(1, 9999):04d}/{year}",
            f"{roman}/{a} {rng.randint(100, 999)}",
        )
    )


def new_point(
    label: str, template: str, sheet: Sheet, status: str | None, reported: bool
) -> dict[str, Any]:
    """A point under construction; ``facts`` are the report sentences written for it."""
    return {"label": label, "text": sheet.fill(template), "template": template, "status": status,
            "reported": reported, "paragraphs": [], "children": [], "status_phrase": None}  # fmt: skip


def build_points(
    topic: Topic, lead: int, profile: tuple[int, ...], sheet: Sheet
) -> list[dict[str, Any]]:
    """The resolution's points (the title's point ``lead`` first) with statuses and reports."""
    rng, entries = sheet.rng, topic.entries
    count = min(rng.choices((1, 2, 3, 4, 5, 6), (1, 2, 4, 4, 3, 2))[0], len(entries["point"]))
    others = [t for n, t in enumerate(entries["point"]) if n != lead]
    points = []
    for n, template in enumerate([entries["point"][lead], *rng.sample(others, count - 1)], 1):
        status = rng.choices((*STATUSES, None), profile)[0]
        reported = status is not None or rng.random() < 0.3
        points.append(new_point(str(n), template, sheet, status, reported))
    if rng.random() < 0.45 or count == 1:
        parent = rng.choice(points[1:] or points)
        parent.update(text=sheet.fill(entries["intro"][0]), template=entries["intro"][0])
        child_reports = rng.random() < 0.5 or count == 1
        for letter, sub in zip("abc", entries["sub"][: rng.randint(2, 3)], strict=False):
            status = rng.choices(STATUSES, profile[:-1])[0] if child_reports else None
            parent["children"].append(
                new_point(parent["label"] + letter, sub, sheet, status, child_reports)
            )
    everything = [*points, *(c for p in points for c in p["children"])]
    explain(everything, topic, sheet)
    for point in everything:
        if point["status"]:
            point["status_phrase"] = rng.choice(STATUS_PHRASES[point["status"]])
    return points


def next_sentence(point: dict[str, Any], pools: dict[str, list[str]], sheet: Sheet) -> str | None:
    """The next explanation sentence for ``point``: its own facts first, then fitting fillers."""
    group = STATUS_GROUP.get(point["status"] or "", "open")
    if point["facts"] and group != "closed":
        return sheet.fill(point["facts"].pop(0))
    if sum(map(len, point["paragraphs"])) >= (2 if group == "closed" else point["cap"]):
        return None
    candidates = [pools[group]] + ([pools["shared"]] if group != "closed" else [])
    candidates = [pool for pool in candidates if pool]
    if not candidates:
        return None
    pool = candidates[0] if sheet.rng.random() < 0.5 else candidates[-1]
    return sheet.fill(pool.pop(sheet.rng.randrange(len(pool))))


def explain(points: list[dict[str, Any]], topic: Topic, sheet: Sheet) -> None:
    """Give reported points explanation paragraphs, up to a length budget for the letter."""
    rng = sheet.rng
    pools = {group: list(s) for group, s in STATUS_SENTENCES.items()}
    pools["shared"] = list(PHRASES["generic"])
    for point in points:
        point["facts"] = list(topic.facts.get(point["template"], ()))
        point["cap"] = rng.randint(3, 8)  # sentences at most
    reported = [p for p in points if p["reported"]]
    talkers = [p for p in reported if p["status"] is None or rng.random() < 0.85] or reported
    budget, used, turn = rng.randint(1800, 3600), 0, 0
    while talkers and used < budget:
        # everyone who talks says something first, then sentences go to random points
        point = talkers[turn] if turn < len(talkers) else rng.choice(talkers)
        sentence = next_sentence(point, pools, sheet)
        if sentence is None:
            talkers.remove(point)
            continue
        if not point["paragraphs"] or len(point["paragraphs"][-1]) >= rng.randint(2, 4):
            point["paragraphs"].append([])
        point["paragraphs"][-1].append(sentence)
        used, turn = used + len(sentence), turn + 1


def point_record(point: dict[str, Any]) -> dict[str, Any]:
    """The truth-file shape of a point."""
    report = "\n\n".join(" ".join(p) for p in point["paragraphs"]) or None
    return {
        "label": point["label"],
        "text": point["text"],
        "status": point["status"],
        "status_phrase": point["status_phrase"],
        "report": report,
        "children": [point_record(c) for c in point["children"]],
    }


def point_blocks(points: list[dict[str, Any]], style: str) -> list[Block]:
    """The numbered points as printed after the intro sentence."""
    blocks = []
    for point in points:
        label = point["label"]
        marker = {"dot": f"{label}.", "paren": f"{label})", "punkt": f"Punkt {label}:"}[style]
        blocks.append(Block(point["text"], marker=marker, gap=0.5))
        blocks += [
            Block(c["text"], marker=f"{c['label'][-1]})", gap=0.5) for c in point["children"]
        ]
    return blocks


def report_blocks(point: dict[str, Any], style: str, sheet: Sheet) -> list[Block]:
    """The ``Zu N.`` section of a point, followed by its sub points' sections."""
    blocks: list[Block] = []
    label = point["label"]
    if point["reported"] and label[-1].isalpha():
        blocks.append(
            line_block(sheet.rng.choice((f"Zu {label})", f"Zu {label[:-1]} {label[-1]})")))
        )
    elif point["reported"]:
        styles = {"dot": f"Zu {label}.", "paren": f"Zu {label})", "punkt": f"Zu Punkt {label}:"}
        blocks.append(line_block(styles[style], gap=0.8))
    if point["reported"] and point["status_phrase"]:
        blocks.append(Block(point["status_phrase"], gap=0.15))
    blocks += [Block(" ".join(p), gap=0.45) for p in point["paragraphs"]]
    for child in point["children"]:
        blocks += report_blocks(child, style, sheet)
    return blocks


def signed(sheet: Sheet, name: str, role: str, shown: bool) -> list[Block]:
    """Signature area of one person: scribbles, perhaps a scrawled name, name, role."""
    rng = sheet.rng
    blocks = [noise_block(sheet, scribble(rng))] if rng.random() < 0.6 else []
    if not shown or rng.random() < 0.25:
        blocks.append(noise_block(sheet, scrawl(name, rng)))
    if shown:
        blocks.append(line_block(name))
    return [*blocks, role_block(sheet, role)]


def role_block(sheet: Sheet, role: str) -> Block:
    """A role line, OCR-damaged in some letters (``Obe/burgermeisterin``)."""
    rng = sheet.rng
    return printed_block(sheet, role, damage(role, rng, ROLE_DAMAGE, rng.randint(0, 2)))


def signature_blocks(
    sheet: Sheet, sender: tuple[str, str, bool], ob: tuple[str, str, bool], deputy: tuple[str, str]
) -> tuple[list[Block], list[dict[str, Any]]]:
    """Greeting, sender and Kenntnisnahme block; returns the blocks and the signatories."""
    rng = sheet.rng
    greeting = "Mit freundlichen Grüßen"
    mark = rng.choice(STRAY_MARKS) if rng.random() < 0.4 else ""
    blocks = [printed_block(sheet, greeting, greeting + mark, 0.7), *signed(sheet, *sender)]
    signatories: list[dict[str, Any]] = [
        {"name": sender[0] if sender[2] else None, "role": sender[1]}
    ]
    if sender[1] == ob[1] or rng.random() < 0.25:
        return blocks, signatories
    blocks.append(line_block("Kenntnisnahme:", 0.9))
    people = [(*deputy, True), ob] if rng.random() < 0.75 else [ob]
    if len(people) == 2 and not ob[2] and rng.random() < 0.6:
        # two columns read line by line, as in the Dresden seed; the signature comes last
        blocks += [noise_block(sheet, scribble(rng)), line_block(deputy[0])]
        blocks += [role_block(sheet, ob[1]), role_block(sheet, deputy[1])]
        sheet.trailer.append(scrawl(ob[0], rng))
        sheet.noise.append(sheet.trailer[-1])
    else:
        blocks += [block for p in people for block in signed(sheet, *p)]
    signatories += [{"name": name if shown else None, "role": role} for name, role, shown in people]
    return blocks, signatories


def reference_line(
    sheet: Sheet, kind: str | None, prefixes: tuple[str, str], year: int
) -> tuple[str, list[dict[str, str | None]]]:
    """The line naming the resolution(s), e.g. ``Beschlusskontrolle zu A0123/19 (...)``."""
    rng = sheet.rng
    template = rng.choice(PHRASES[f"{kind}_reference" if kind else "reference"])
    session = f"{rng.choice((prefixes[0], *prefixes))}/{rng.randint(1, 90):03d}/{year}"
    first: dict[str, str | None] = {"number": resolution_number(rng, year), "session": session}
    if template.endswith("Beschluss {r}"):
        first["session"] = None
        return template.format(r=f"{first['number']} vom {sheet.values['rdate']}"), [first]
    label = rng.choice(("Sitzungsnummer: ", "Sitzungsnummer: ", ""))
    ref = f"{first['number']} ({label}{session})"
    resolutions = [first]
    if rng.random() < 0.4:
        second: dict[str, str | None] = {"number": resolution_number(rng, year), "session": None}
        if rng.random() < 0.5:
            second["session"] = f"{prefixes[0]}/{rng.randint(1, 90):03d}/{year}"
            ref += f" und {second['number']} ({label}{second['session']})"
        else:
            ref += f" und zum Änderungsantrag {second['number']}"
        resolutions.append(second)
    return template.format(r=ref), resolutions


def header_blocks(sheet: Sheet, fields: dict[str, Any], addresses: list[list[str]]) -> list[Block]:
    """Authority, file reference, department, date (stamped or typed) and address blocks."""
    rng = sheet.rng
    label = rng.choice(("GZ:", "GZ:", "Az.:", "Aktenzeichen:"))
    reference = [line_block(label, 1.0), line_block(fields["file_reference"], 1.0)]
    department = [line_block(fields["department"], 1.0)]
    swap = rng.random() < 0.3
    blocks = [
        line_block(fields["authority"], 1.0),
        *(department + reference if swap else reference + department),
    ]
    typed = format_date(fields["day"])
    mode = rng.choices(("stamp", "typed", "inline"), (6, 2, 2))[0]
    if mode == "inline":
        blocks.append(line_block(f"Datum: {typed}", 1.0))
    else:
        stamp = garble_stamp(fields["day"], rng) if mode == "stamp" else typed
        blocks += [line_block("Datum:", 1.0), printed_block(sheet, typed, stamp, 1.0)]
    return blocks + [Block(" ".join(a), ocr=tuple(a), gap=1.0) for a in addresses]


def compose(index: int, rng: random.Random) -> Letter:
    """Invent letter number ``index`` and lay it out (status profiles take turns by index)."""
    topic = rng.choice(TOPICS)
    authority, city, code, council = rng.choice(AUTHORITIES)
    council_dat, council_gen, members, prefix, salutation = COUNCILS[council]
    day = date(rng.randint(2012, 2021), 1, 1) + timedelta(rng.randint(0, 364))
    res_year = day.year - rng.randint(1, 4)
    res_day = date(res_year, 1, 1) + timedelta(rng.randint(0, 330))
    ob_female = rng.random() < 0.5
    values = {
        "city": city, "authority": authority, "council_dat": council_dat,
        "OB": "Die Oberbürgermeisterin" if ob_female else "Der Oberbürgermeister",
        "y": str(day.year), "y1": str(day.year - 1), "y2": str(day.year + 1), "y3": str(day.year + 2),
        "street": rng.choice(WORDS["street"]),
        "law": f"§ {rng.choice((4, 28, 41, 52, 73))} Abs. {rng.randint(1, 3)} {code}",
        "rdate": format_date(res_day),
    }  # fmt: skip
    layout = (rng.randint(85, 95), rng.uniform(0.6, 0.95), rng.uniform(0.03, 0.12))
    forms = (rng.uniform(0.3, 0.6), rng.uniform(0.3, 0.5), rng.uniform(0.15, 0.3))
    quotes = rng.choice(("typographic", "plain", "mixed"))
    sheet = Sheet(rng, day, res_day, values, *layout, forms, quotes)
    lead = rng.randrange(len(topic.entries["title"]))
    points = build_points(topic, lead, STATUS_PROFILES[index % len(STATUS_PROFILES)], sheet)
    derived = derive_report_kind(points)
    explicit = None
    if rng.random() < 0.3:
        explicit = rng.choice([k for k in ("final", "interim") if derived in (k, None)])
    in_reference = rng.random() < 0.5
    committee, committee_prefix = topic.entries["committee"][0].split(" / ")
    ref_line, resolutions = reference_line(
        sheet, explicit if in_reference else None, (prefix, committee_prefix), res_year
    )
    intro_key = f"{explicit}_intro" if explicit and not in_reference else "intro"
    fields = {
        "authority": authority, "department": rng.choice(topic.entries["department"][0].split(" | ")),
        "file_reference": file_reference(rng, day.year), "day": day,
    }  # fmt: skip
    addresses = [rng.choice(PHRASES["address"])]
    if rng.random() < 0.3:
        addresses.append(rng.choice(PHRASES["committee_address"]))
    addresses_filled = [
        a.format(members=members, council_gen=council_gen, authority=authority, committee=committee)
        for a in addresses
    ]
    address_lines = [a.split(" | ") for a in addresses_filled]
    title = sheet.fill(topic.entries["title"][lead])
    style = rng.choices(("dot", "paren", "punkt"), (7, 2, 2))[0]
    blocks = [
        *header_blocks(sheet, fields, address_lines),
        Block(ref_line, gap=1.0),
        Block(title, gap=0.9),
        Block(rng.choice(("Sehr geehrte Damen und Herren,", salutation)), gap=0.9),
        Block(sheet.fill(rng.choice(PHRASES[intro_key])), gap=0.8),
        *point_blocks(points, style),
        *(b for p in points for b in report_blocks(p, style, sheet)),
    ]
    if rng.random() < 0.5:
        closings = [c for c in PHRASES["closing"] if explicit != "final" or "weiteren" not in c]
        blocks.append(Block(rng.choice(closings), gap=0.7))
    ob = (person(rng, ob_female), LORD_MAYOR[ob_female], rng.random() < 0.4)
    sender_female = rng.random() < 0.5
    sender = (
        person(rng, sender_female),
        rng.choice(topic.entries["role"]).split(" / ")[sender_female],
        True,
    )
    if rng.random() < 0.15:
        sender = (ob[0], ob[1], True)
    elif rng.random() < 0.1:
        sender = (sender[0], sender[1], False)
    deputy_female = rng.random() < 0.5
    deputy = (person(rng, deputy_female), FIRST_MAYOR[deputy_female])
    signature, signatories = signature_blocks(sheet, sender, ob, deputy)
    blocks += signature

    text = "\n\n".join(b.truth for b in blocks if b.truth is not None)
    head = None
    if rng.random() < 0.35:
        head = f"{authority} {rng.choice(('–', '|', '-'))} {fields['department']}"
        sheet.noise.append(head)
    lines = paginate(render(blocks, sheet), sheet, head)
    document = {
        "authority": authority,
        "department": fields["department"],
        "file_reference": fields["file_reference"],
        "date": day.isoformat(),
        "type": "Beschlusskontrolle",
        "report_kind": explicit or derived,
        "title": title,
        "addressees": [" ".join(a) for a in address_lines],
        "resolutions": resolutions,
    }
    record = {
        "document": document,
        "points": [point_record(p) for p in points],
        "signatories": signatories,
    }
    return Letter(
        f"synth-{index:03d}",
        "\n".join(lines) + "\n",
        text,
        record,
        sheet.breaks,
        sheet.noise,
        sheet.repairs,
    )


# ------------------------------------------------------------------------------ API and CLI


def generate(count: int, seed: int) -> list[Letter]:
    """``count`` letters, the same ones for the same ``seed``."""
    master = random.Random(seed)
    return [compose(n, random.Random(master.getrandbits(64))) for n in range(count)]


def write(letters: list[Letter], out_dir: Path | str) -> None:
    """Write ``<id>.ocr.txt`` and ``<id>.truth.json`` for each letter into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for letter in letters:
        (out / f"{letter.id}.ocr.txt").write_text(letter.ocr_text, encoding="utf-8")
        truth = json.dumps(letter.truth(), ensure_ascii=False, indent=2) + "\n"
        (out / f"{letter.id}.truth.json").write_text(truth, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: write ``--count`` letters for ``--seed`` into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--count", type=int, default=12, help="number of letters (default 12)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args(argv)
    write(generate(args.count, args.seed), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
