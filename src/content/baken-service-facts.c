/* baken-service-facts.c: who a service is for, what it costs, how long the wait is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include "baken-service-facts.h"

#include <glib/gi18n-lib.h>

char *
baken_service_ages_text (int minimum_age,
                         int maximum_age)
{
  if (minimum_age > 0 && maximum_age > 0 && minimum_age == maximum_age)
    /* Translators: who a service is for; %d is an age in years */
    return g_strdup_printf (ngettext ("Voor mensen van %d jaar", "Voor mensen van %d jaar",
                                      (gulong) minimum_age), minimum_age);
  if (minimum_age > 0 && maximum_age > 0)
    /* Translators: who a service is for; the first %d is the lowest age, the second the
     * highest, both in years, both included */
    return g_strdup_printf (ngettext ("Voor mensen van %d tot en met %d jaar",
                                      "Voor mensen van %d tot en met %d jaar",
                                      (gulong) maximum_age), minimum_age, maximum_age);
  if (minimum_age > 0)
    /* Translators: who a service is for; %d is the lowest age in years */
    return g_strdup_printf (ngettext ("Voor mensen van %d jaar en ouder",
                                      "Voor mensen van %d jaar en ouder",
                                      (gulong) minimum_age), minimum_age);
  if (maximum_age > 0)
    /* Translators: who a service is for; %d is the highest age in years, included */
    return g_strdup_printf (ngettext ("Voor mensen van %d jaar en jonger",
                                      "Voor mensen van %d jaar en jonger",
                                      (gulong) maximum_age), maximum_age);

  return NULL;
}

GStrv
baken_service_facts (const BakenService *service)
{
  g_return_val_if_fail (service != NULL, NULL);

  return baken_service_facts_of (service->minimum_age, service->maximum_age, service->fees,
                                 service->wait_time);
}

GStrv
baken_service_facts_of (int         minimum_age,
                        int         maximum_age,
                        const char *fees_text,
                        const char *wait_time)
{
  g_autoptr(GStrvBuilder) facts = g_strv_builder_new ();
  g_autofree char *ages = baken_service_ages_text (minimum_age, maximum_age);

  if (ages != NULL)
    g_strv_builder_add (facts, ages);
  if (fees_text != NULL)
    {
      /* Translators: what a service costs; %s is the content's own short text, such as
       * "gratis" or "25 euro" */
      g_autofree char *fees = g_strdup_printf (_("Kosten: %s"), fees_text);

      g_strv_builder_add (facts, fees);
    }
  if (wait_time != NULL)
    {
      /* Translators: how long people wait before the service helps them; %s is the
       * content's own text, such as "ongeveer 2 weken" */
      g_autofree char *wait = g_strdup_printf (_("Wachttijd: %s"), wait_time);

      g_strv_builder_add (facts, wait);
    }

  return g_strv_builder_end (facts);
}
