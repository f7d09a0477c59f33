/* test-slip.c: the referral slip model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "baken-catalog.h"
#include "baken-content-build.h"
#include "baken-service-facts.h"
#include "baken-slip.h"

typedef struct
{
  char         *db_path;
  BakenCatalog *catalog;
  BakenSlipPlace place;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  f->db_path = g_build_filename (g_get_user_cache_dir (), "content.sqlite", NULL);
  baken_content_build (src, f->db_path, &options, NULL, &error);
  g_assert_no_error (error);
  f->catalog = baken_catalog_new_for_path (f->db_path, &error);
  g_assert_no_error (error);

  /* A kiosk in the library, about 250 m north of the town hall (loc-stadhuis). */
  f->place = (BakenSlipPlace) {
    .name = "Bibliotheek Teststad",
    .has_location = TRUE,
    .latitude = 52.0930,
    .longitude = 5.1214,
    .holidays = BAKEN_HOLIDAY_FLAGS_NONE,
  };
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->catalog);
  g_free (f->db_path);
}

/* Tuesday 23 December 2025, 10:00 in Amsterdam. */
static GDateTime *
tuesday_morning (int minute,
                 int second)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2025, 12, 23, 9, minute, second);
}

static BakenSlip *
slip_for (Fixture       *f,
          const char    *service_id,
          const char    *event_id,
          BakenAudience  audience,
          const char    *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GDateTime) now = tuesday_morning (0, 0);

  service = baken_catalog_get_service (f->catalog, service_id, lang, audience, &error);
  g_assert_no_error (error);
  if (event_id != NULL)
    {
      event = baken_catalog_get_life_event (f->catalog, event_id, lang, &error);
      g_assert_no_error (error);
    }

  return baken_slip_new (service, event, &f->place, now, "42", lang);
}

/* Every text a slip holds, to search for things that must never be on it. */
static char *
slip_all_text (BakenSlip *slip)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s\n", slip->service, slip->organization,
                          slip->help != NULL ? slip->help : "");
  for (guint i = 0; i < slip->channels->len; i++)
    {
      BakenSlipChannel *channel = g_ptr_array_index (slip->channels, i);

      g_string_append_printf (text, "%s %s %s\n", channel->title,
                              channel->value != NULL ? channel->value : "",
                              channel->label != NULL ? channel->label : "");
    }

  return g_string_free (text, FALSE);
}

static void
test_staff_channel_never (Fixture       *f,
                          gconstpointer  data)
{
  /* Queried as staff (a desk employee prints it): the backoffice line is in the service,
   * but a slip is for the resident. */
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service =
    baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_STAFF, &error);
  g_autoptr(GDateTime) now = tuesday_morning (0, 0);
  g_autoptr(BakenSlip) slip = NULL;
  g_autofree char *text = NULL;
  gboolean service_has_staff = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < service->channels->len; i++)
    service_has_staff |= ((BakenChannel *) g_ptr_array_index (service->channels, i))->is_staff;
  g_assert_true (service_has_staff);

  slip = baken_slip_new (service, NULL, &f->place, now, "42", "nl");
  text = slip_all_text (slip);
  g_assert_nonnull (strstr (text, "030 123 45 67"));
  g_assert_null (strstr (text, "030 123 45 99"));
  g_assert_null (strstr (text, "Backoffice"));
}

static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = slip_for (f, "svc-schuldhulp", "le-schulden",
                                        BAKEN_AUDIENCE_PUBLIC, "nl");
  BakenSlipChannel *phone, *chat, *appointment;
  BakenSlipAddress *address;
  struct {
    guint       index;
    const char *day;
    const char *hours;
    gboolean    is_open;
  } phone_days[] = {
    { 0, "Dinsdag 23 december", "9:00 – 12:00, 13:00 – 16:30", TRUE },
    { 1, "Woensdag 24 december", "Gesloten", FALSE },
    { 2, "Donderdag 25 december", "Gesloten (Eerste Kerstdag)", FALSE },
    { 3, "Vrijdag 26 december", "Gesloten (Tweede Kerstdag)", FALSE },
    { 6, "Maandag 29 december", "9:00 – 12:00, 13:00 – 16:30", TRUE },
  };

  /* Title lines and body */
  g_assert_cmpstr (slip->life_event, ==, "Ik heb schulden");
  g_assert_cmpstr (slip->organization, ==, "Schuldhulp Teststad");
  g_assert_cmpstr (slip->service, ==, "Hulp bij schulden");
  g_assert_cmpstr (slip->help, ==, "Wij helpen u als u schulden heeft. Samen maken we een plan.");
  g_assert_cmpstr (slip->what_to_expect, ==, "U belt ons. Binnen 2 weken heeft u een gesprek.");
  g_assert_cmpstr (slip->cost, ==, "Gratis");
  g_assert_cmpuint (g_strv_length (slip->what_to_bring), ==, 0);

  /* Public channels in order; the walk-in desk is printed as an address instead. */
  g_assert_cmpuint (slip->channels->len, ==, 3);
  phone = g_ptr_array_index (slip->channels, 0);
  chat = g_ptr_array_index (slip->channels, 1);
  appointment = g_ptr_array_index (slip->channels, 2);
  g_assert_cmpint (phone->kind, ==, BAKEN_CHANNEL_PHONE);
  g_assert_cmpstr (phone->title, ==, "Bellen");
  g_assert_cmpstr (phone->value, ==, "030 123 45 67");
  g_assert_cmpstr (phone->label, ==, "Bel ons");
  g_assert_cmpstr (phone->cost_note, ==, "Bellen kost niets extra.");
  g_assert_null (phone->hours_note);
  g_assert_cmpuint (phone->days->len, ==, BAKEN_SLIP_DAYS);
  for (guint i = 0; i < G_N_ELEMENTS (phone_days); i++)
    {
      BakenSlipDay *day = g_ptr_array_index (phone->days, phone_days[i].index);

      g_assert_cmpstr (day->day, ==, phone_days[i].day);
      g_assert_cmpstr (day->hours, ==, phone_days[i].hours);
      g_assert_cmpint (day->is_open, ==, phone_days[i].is_open);
    }

  g_assert_cmpint (chat->kind, ==, BAKEN_CHANNEL_CHAT);
  g_assert_cmpstr (chat->value, ==, "https://teststad.example/chat");
  /* No hours given: said so, never printed as open. */
  g_assert_cmpstr (chat->hours_note, ==, "Openingstijden onbekend");
  g_assert_cmpuint (chat->days->len, ==, 0);
  g_assert_cmpint (appointment->kind, ==, BAKEN_CHANNEL_APPOINTMENT);
  g_assert_cmpstr (appointment->title, ==, "Afspraak maken");

  /* Walk-in address with the walking distance from this kiosk and its hours. */
  g_assert_cmpuint (slip->addresses->len, ==, 1);
  address = g_ptr_array_index (slip->addresses, 0);
  g_assert_cmpstr (address->name, ==, "Stadhuis");
  g_assert_cmpstr (address->street, ==, "Markt 1, Ingang B");
  g_assert_cmpstr (address->city, ==, "1234 AB Teststad");
  g_assert_cmpstr (address->walk, ==, "250 m, ongeveer 5 minuten lopen");
  g_assert_cmpstr (address->accessibility, ==, "Rolstoeltoegankelijk; Lift aanwezig");
  g_assert_cmpuint (address->days->len, ==, BAKEN_SLIP_DAYS);
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (address->days, 0))->hours, ==,
                   "9:00 – 17:00");
  /* Saturday 27 December: the extra opening of the content. */
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (address->days, 4))->day, ==,
                   "Zaterdag 27 december");
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (address->days, 4))->hours, ==,
                   "10:00 – 12:00");

  /* Footer: Amsterdam time, kiosk, content serial, reference. */
  g_assert_cmpstr (slip->date, ==, "23 december 2025");
  g_assert_cmpstr (slip->printed_at, ==, "Geprint op dinsdag 23 december 2025 om 10:00");
  g_assert_cmpstr (slip->kiosk_name, ==, "Bibliotheek Teststad");
  g_assert_cmpstr (slip->footer_kiosk, ==, "Geprint bij Bibliotheek Teststad");
  g_assert_cmpstr (slip->content_serial, ==, "42");
  g_assert_cmpstr (slip->footer_reference + strlen ("Code "), ==, slip->reference);
  g_assert_null (slip->qr_url);
  g_assert_null (slip->note);
}

static void
test_what_to_bring (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = slip_for (f, "svc-bijstand", NULL, BAKEN_AUDIENCE_PUBLIC, "nl");
  const char * const expected[] = {
    "Uw identiteitsbewijs", "Bankafschriften van de laatste 3 maanden", NULL
  };

  g_assert_null (slip->life_event);
  g_assert_true (g_strv_equal ((const char * const *) slip->what_to_bring, expected));
  /* Mail is there at any hour: no "unknown hours" next to it. */
  g_assert_cmpuint (slip->channels->len, ==, 2);
  g_assert_cmpint (((BakenSlipChannel *) g_ptr_array_index (slip->channels, 1))->kind, ==,
                   BAKEN_CHANNEL_EMAIL);
  g_assert_null (((BakenSlipChannel *) g_ptr_array_index (slip->channels, 1))->hours_note);
  g_assert_cmpuint (slip->addresses->len, ==, 0);
}

/* The slip's own texts in lang, as the kiosk sets them (LANGUAGE); back to Dutch at the
 * end of the test. */
static void
use_language (const char *lang)
{
  g_setenv ("LANGUAGE", lang, TRUE);
  /* Makes gettext forget its cached translations. */
  textdomain (textdomain (NULL));
}

static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = NULL;
  BakenSlipChannel *phone;
  BakenSlipAddress *address;

  use_language ("en");
  slip = slip_for (f, "svc-schuldhulp", "le-schulden", BAKEN_AUDIENCE_PUBLIC, "en");
  phone = g_ptr_array_index (slip->channels, 0);
  address = g_ptr_array_index (slip->addresses, 0);

  g_assert_cmpstr (slip->lang, ==, "en");
  g_assert_false (slip->rtl);
  g_assert_cmpstr (slip->dutch_mark, ==, "(in Dutch)");
  g_assert_cmpstr (slip->service, ==, "Help with debts");
  g_assert_cmpstr (slip->life_event, ==, "I have debts");
  g_assert_cmpstr (phone->label, ==, "Call us");
  g_assert_cmpstr (address->name, ==, "Town hall");
  g_assert_cmpstr (address->accessibility, ==, "Wheelchair accessible; Lift available");
  /* Texts the content has only in Dutch are printed in Dutch, and say so. */
  g_assert_cmpstr (slip->organization, ==, "Schuldhulp Teststad (in Dutch)");
  g_assert_cmpstr (slip->help, ==,
                   "Wij helpen u als u schulden heeft. Samen maken we een plan. (in Dutch)");
  g_assert_cmpstr (slip->what_to_expect, ==,
                   "U belt ons. Binnen 2 weken heeft u een gesprek. (in Dutch)");
  g_assert_cmpstr (slip->cost, ==, "Gratis (in Dutch)");
  g_assert_cmpstr (phone->cost_note, ==, "Bellen kost niets extra. (in Dutch)");
  g_assert_cmpstr (phone->title, ==, "Call");
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (phone->days, 0))->day, ==,
                   "Tuesday December 23");
  use_language ("nl");
}

/* What to bring, item by item: a translated item is not marked, a Dutch one is. */
static void
test_what_to_bring_marked (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GDateTime) now = tuesday_morning (0, 0);
  g_autoptr(BakenSlip) slip = NULL;
  gboolean dutch[] = { FALSE, TRUE };

  use_language ("en");
  service = baken_catalog_get_service (f->catalog, "svc-bijstand", "en", BAKEN_AUDIENCE_PUBLIC,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (service->what_to_bring), ==, 2);
  /* The catalog says which texts fell back; the slip marks those. */
  g_assert_true (baken_service_bring_is_dutch (service, 0));
  g_assert_true (baken_service_bring_is_dutch (service, 1));
  g_assert_false (baken_service_bring_is_dutch (service, 2));
  g_array_remove_range (service->what_to_bring_dutch, 0, 2);
  g_array_append_vals (service->what_to_bring_dutch, dutch, 2);
  slip = baken_slip_new (service, NULL, &f->place, now, "42", "en");
  g_assert_cmpstr (slip->what_to_bring[0], ==, "Uw identiteitsbewijs");
  g_assert_cmpstr (slip->what_to_bring[1], ==,
                   "Bankafschriften van de laatste 3 maanden (in Dutch)");
  use_language ("nl");
}

/* An Arabic slip runs right to left: a Dutch text in it is isolated, so it reads left to
 * right with the mark after it. */
static void
test_arabic (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = NULL;

  use_language ("ar");
  slip = slip_for (f, "svc-schuldhulp", "le-schulden", BAKEN_AUDIENCE_PUBLIC, "ar");
  g_assert_true (slip->rtl);
  g_assert_cmpstr (slip->dutch_mark, ==, "(بالهولندية)");
  g_assert_cmpstr (slip->service, ==, "\u2068Hulp bij schulden\u2069 (بالهولندية)");
  g_assert_cmpstr (slip->heading_contact, ==, "طرق التواصل معهم");
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (
                      ((BakenSlipChannel *) g_ptr_array_index (slip->channels, 0))->days, 0))->day,
                   ==, "الثلاثاء 23 ديسمبر");
  use_language ("nl");
}

/* Turkish writes the weekday of a date with a capital, also after the date. */
static void
test_turkish_weekday (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = NULL;
  BakenSlipChannel *phone;

  use_language ("tr");
  slip = slip_for (f, "svc-schuldhulp", NULL, BAKEN_AUDIENCE_PUBLIC, "tr");
  phone = g_ptr_array_index (slip->channels, 0);
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (phone->days, 0))->day, ==,
                   "23 Aralık Salı");
  g_assert_cmpstr (((BakenSlipDay *) g_ptr_array_index (phone->days, 1))->day, ==,
                   "24 Aralık Çarşamba");
  g_assert_cmpstr (slip->printed_at, ==, "Yazdırma: Salı 23 Aralık 2025, saat 10:00");
  use_language ("nl");
}

/* Who it is for, what it costs, the wait, in plain words (tests/data/build:
 * svc-formulieren); none for a service without them. */
static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BakenSlip) slip = slip_for (f, "svc-formulieren", NULL, BAKEN_AUDIENCE_PUBLIC,
                                        "nl");
  g_autoptr(BakenSlip) none = slip_for (f, "svc-schuldhulp", NULL, BAKEN_AUDIENCE_PUBLIC,
                                        "nl");
  const char *const expected[] = {
    "Voor mensen van 16 tot en met 27 jaar", "Kosten: gratis", "Wachttijd: ongeveer 2 weken",
    NULL
  };
  static const struct { int minimum, maximum; const char *text; } ages[] = {
    { 18, 0, "Voor mensen van 18 jaar en ouder" },
    { 0, 12, "Voor mensen van 12 jaar en jonger" },
    { 16, 16, "Voor mensen van 16 jaar" },
    { 0, 0, NULL },
  };

  g_assert_true (g_strv_equal ((const char *const *) slip->facts, expected));
  g_assert_cmpuint (g_strv_length (none->facts), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *text = baken_service_ages_text (ages[i].minimum, ages[i].maximum);

      g_assert_cmpstr (text, ==, ages[i].text);
    }
}

static void
test_qr_url (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = tuesday_morning (0, 0);
  g_autoptr(BakenService) service =
    baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_PUBLIC, &error);
  g_autoptr(BakenSlip) slip = NULL;

  g_assert_no_error (error);
  g_free (service->url);
  service->url = g_strdup ("https://teststad.example/schulden");
  slip = baken_slip_new (service, NULL, &f->place, now, NULL, "nl");
  g_assert_cmpstr (slip->qr_url, ==, "https://teststad.example/schulden");
  g_assert_null (slip->content_serial);
  g_assert_null (slip->footer_serial);
}

/* svc-formulieren has no web page of its own; its only web site and its second door are
 * staff-only. Printed at the desk (queried as staff) or by a resident, neither is on the
 * slip: no QR code, and only the public address. */
static void
test_staff_only_channels (Fixture       *f,
                          gconstpointer  data)
{
  const BakenAudience audiences[] = { BAKEN_AUDIENCE_PUBLIC, BAKEN_AUDIENCE_STAFF };

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    {
      g_autoptr(BakenSlip) slip = slip_for (f, "svc-formulieren", NULL, audiences[i], "nl");
      g_autofree char *text = slip_all_text (slip);
      BakenSlipAddress *address;

      g_assert_null (slip->qr_url);
      g_assert_null (strstr (text, "intranet"));
      g_assert_cmpuint (slip->addresses->len, ==, 1);
      address = g_ptr_array_index (slip->addresses, 0);
      g_assert_cmpstr (address->street, ==, "Brugstraat 5");
      g_assert_cmpstr (address->hours_note, ==, "Openingstijden onbekend");
      g_assert_cmpuint (address->days->len, ==, 0);
      for (guint j = 0; j < slip->channels->len; j++)
        g_assert_cmpint (((BakenSlipChannel *) g_ptr_array_index (slip->channels, j))->kind,
                         !=, BAKEN_CHANNEL_WEBSITE);
    }
}

static gboolean
is_crockford (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    if (strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", *p) == NULL)
      return FALSE;

  return TRUE;
}

static void
test_reference (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) early = tuesday_morning (0, 5);
  g_autoptr(GDateTime) late = tuesday_morning (0, 55);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) early_local = g_date_time_to_timezone (early, tz);
  g_autofree char *code = baken_slip_reference ("svc-schuldhulp", "Bibliotheek Teststad", early);
  g_autofree char *same_minute = baken_slip_reference ("svc-schuldhulp", "Bibliotheek Teststad", late);
  g_autofree char *same_instant = baken_slip_reference ("svc-schuldhulp", "Bibliotheek Teststad",
                                                        early_local);
  g_autofree char *other_service = baken_slip_reference ("svc-bijstand", "Bibliotheek Teststad",
                                                         early);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service =
    baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_PUBLIC, &error);
  g_autoptr(BakenSlip) plain = NULL;
  g_autoptr(BakenSlip) with_note = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (code), ==, BAKEN_SLIP_REFERENCE_LENGTH);
  g_assert_true (is_crockford (code));
  g_assert_cmpstr (code, ==, same_minute);
  g_assert_cmpstr (code, ==, same_instant);
  g_assert_cmpstr (code, !=, other_service);

  /* Every minute of a day gives another code than the minute before it. */
  for (int minute = 1; minute < 24 * 60; minute++)
    {
      g_autoptr(GDateTime) before = g_date_time_add_minutes (early, minute - 1);
      g_autoptr(GDateTime) after = g_date_time_add_minutes (early, minute);
      g_autofree char *a = baken_slip_reference ("svc-schuldhulp", "Bibliotheek Teststad", before);
      g_autofree char *b = baken_slip_reference ("svc-schuldhulp", "Bibliotheek Teststad", after);

      g_assert_cmpstr (a, !=, b);
    }

  /* What staff type for the resident (a name, a number) never goes into the code: it
   * only depends on the service, the kiosk and the minute. */
  plain = baken_slip_new (service, NULL, &f->place, early, "42", "nl");
  with_note = baken_slip_new (service, NULL, &f->place, early, "42", "nl");
  baken_slip_set_note (with_note, "Voor Jan Jansen, 06 12345678, geboren 1-2-1960");
  g_assert_cmpstr (plain->reference, ==, code);
  g_assert_cmpstr (with_note->reference, ==, code);
  g_assert_cmpstr (with_note->note, ==, "Voor Jan Jansen, 06 12345678, geboren 1-2-1960");
  g_assert_null (strstr (with_note->footer_reference, "Jansen"));
}

/* Doorverwijzen: the box names the desk and the date, with the clerk's note or, without
 * one, a plain sentence; surrounding blanks are not a note. */
static void
test_handover (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BakenSlip) with_note = slip_for (f, "svc-schuldhulp", NULL,
                                             BAKEN_AUDIENCE_PUBLIC, "nl");
  g_autoptr(BakenSlip) without = slip_for (f, "svc-schuldhulp", NULL,
                                           BAKEN_AUDIENCE_PUBLIC, "nl");
  g_autoptr(BakenSlip) plain = slip_for (f, "svc-schuldhulp", NULL,
                                         BAKEN_AUDIENCE_PUBLIC, "nl");

  baken_slip_set_handover (with_note, "  Afspraak di 14:00, vraag naar Petra \n");
  g_assert_cmpstr (with_note->heading_note, ==,
                   "Doorverwezen door Bibliotheek Teststad op 23 december 2025");
  g_assert_cmpstr (with_note->note, ==, "Afspraak di 14:00, vraag naar Petra");

  baken_slip_set_handover (without, "   ");
  g_assert_cmpstr (without->heading_note, ==, with_note->heading_note);
  g_assert_cmpstr (without->note, ==, "De medewerker heeft u doorverwezen naar deze hulp.");

  /* A resident's slip has no box at all. */
  g_assert_null (plain->note);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE when LC_MESSAGES is "C" (as src/main.c does). */
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  if (g_getenv ("BAKEN_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BAKEN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  use_language ("nl");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/print/slip/staff-channel-never", test_staff_channel_never);
  ADD ("/print/slip/content", test_content);
  ADD ("/print/slip/what-to-bring", test_what_to_bring);
  ADD ("/print/slip/english", test_english);
  ADD ("/print/slip/facts", test_facts);
  ADD ("/print/slip/what-to-bring-marked", test_what_to_bring_marked);
  ADD ("/print/slip/arabic", test_arabic);
  ADD ("/print/slip/turkish-weekday", test_turkish_weekday);
  ADD ("/print/slip/qr-url", test_qr_url);
  ADD ("/print/slip/staff-only-channels", test_staff_only_channels);
  ADD ("/print/slip/reference", test_reference);
  ADD ("/print/slip/handover", test_handover);
#undef ADD

  return g_test_run ();
}
