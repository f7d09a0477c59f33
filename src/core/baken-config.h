/* baken-config.h: kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "baken-holidays.h"

G_BEGIN_DECLS

#define BAKEN_CONFIG_ERROR (baken_config_error_quark ())

typedef enum {
  BAKEN_CONFIG_ERROR_READ,         /* cannot read or parse the file */
  BAKEN_CONFIG_ERROR_UNKNOWN_KEY,  /* a group or key this version does not know */
  BAKEN_CONFIG_ERROR_BAD_VALUE,    /* a value of the wrong type or out of range */
} BakenConfigError;

GQuark baken_config_error_quark (void);

typedef enum {
  BAKEN_PAPER_RECEIPT_80MM,
  BAKEN_PAPER_A4,
  BAKEN_PAPER_A5,
} BakenPaper;

/* Immutable after loading; share it by reference. */
typedef struct
{
  /*< private >*/
  gatomicrefcount    ref_count;

  /*< public >*/
  /* [kiosk] */
  char              *name;            /* "Bibliotheek Voorbeeldstad" */
  gboolean           has_location;
  double             latitude;
  double             longitude;
  GStrv              languages;       /* offered languages, Dutch first */
  /* [content] */
  char              *content_path;    /* (nullable) a content DB; NULL: the embedded demo */
  /* [idle] */
  guint              idle_timeout;    /* seconds without input before the prompt (≥ 20) */
  guint              idle_countdown;  /* seconds the prompt waits (≥ 5) */
  /* [hours] */
  BakenHolidayFlags  holidays;
  /* [print] */
  char              *printer;         /* (nullable) CUPS queue; NULL: the CUPS default */
  BakenPaper         paper;
  /* [staff] */
  char              *staff_pin_hash;  /* (nullable) */
} BakenConfig;

GType        baken_config_get_type  (void) G_GNUC_CONST;
BakenConfig *baken_config_new       (void);  /* the defaults: runs the demo */
/* Loads a GKeyFile. Unknown groups/keys and bad values are errors that name
 * "FILE:LINE: …" and say what to do. */
BakenConfig *baken_config_load      (const char   *path,
                                     GError      **error);
BakenConfig *baken_config_ref       (BakenConfig  *self);
void         baken_config_unref     (BakenConfig  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenConfig, baken_config_unref)

G_END_DECLS
