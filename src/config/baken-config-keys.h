/* baken-config-keys.h: every key of kiosk.conf (baken-config-keys.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_CONFIG_VALUE_STRING,
  BAKEN_CONFIG_VALUE_DOUBLE,
  BAKEN_CONFIG_VALUE_UINT,
  BAKEN_CONFIG_VALUE_BOOLEAN,
  BAKEN_CONFIG_VALUE_LIST,
} BakenConfigValueType;

typedef struct
{
  const char           *group;
  const char           *key;
  BakenConfigValueType  type;
  const char           *help;   /* what a good value looks like */
} BakenConfigKey;

/* The key of group that this version understands, or with key NULL the first key of
 * group; NULL when there is none (a typo until proven otherwise). */
const BakenConfigKey *_baken_config_lookup_key (const char *group,
                                                const char *key);
/* The keys of group, separated by ", ", for a message. */
char                 *_baken_config_dup_keys   (const char *group);

G_END_DECLS
