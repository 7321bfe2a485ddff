import { BulkEventPath } from './domain/bulk-event-types';

/**
 * The request and response examples of seeds 002, 003 and 004, verbatim (`{{token}}` stands for the
 * token of POST /crm/login). The seeds give no financial statements example: that one is ours.
 */
export const BULK_EXAMPLES: Record<BulkEventPath, { seed: string | null; request: Record<string, unknown>; response: Record<string, unknown> }> = {
  achievements: {
    seed: '004_2ec7f56f06bc39d9.txt',
    request: {
      "token": "{{token}}",
      "achievement_customer_events_set": [
        {
          "request_unique_identifier": "221",
          "accounts_receivable_identifier": {
            "number": "ACR0000000077"
          },
          "classification_identifier": {
            "name": "Customer Feedback 3"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00"
        },
        {
          "request_unique_identifier": "222",
          "accounts_receivable_identifier": {
            "number": "ACR0000000077"
          },
          "classification_identifier": {
            "name": "Customer Feedback 3"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00"
        },
        {
          "request_unique_identifier": "223",
          "accounts_receivable_identifier": {
            "number": "ACR000177"
          },
          "classification_identifier": {
            "name": "Customer Feedback 3"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00"
        },
        {
          "request_unique_identifier": "224",
          "accounts_receivable_identifier": {
            "number": "ACR0097"
          },
          "classification_identifier": {
            "name": "Customer Feedback 3"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00"
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Account (ACR000177) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "223"
          },
          {
            "error_description": "Error:Account (ACR0097) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "224"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "45",
            "id": "A4340AC3F973495E81F69A75D2D32BD3",
            "request_unique_identifier": "221"
          },
          {
            "number": "46",
            "id": "AF2546A34840400AA2F0437470CBA5AB",
            "request_unique_identifier": "222"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  purchases: {
    seed: '004_2ec7f56f06bc39d9.txt',
    request: {
      "token": "{{token}}",
      "purchase_customer_events_set": [
        {
          "request_unique_identifier": "31",
          "accounts_receivable_identifier": {
            "number": "ACR0000000228"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "reference_number": "RF01",
          "products_set": [
            {
              "product_identifier": {
                "code": "Serendipity"
              },
              "total_amount": 60,
              "net_amount": 50,
              "vat_amount": 10
            },
            {
              "product_identifier": {
                "code": "Bronze"
              },
              "total_amount": 180,
              "net_amount": 160,
              "vat_amount": 20
            }
          ]
        },
        {
          "request_unique_identifier": "32",
          "accounts_receivable_identifier": {
            "number": "ACR0000000228"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "reference_number": "RF01",
          "products_set": [
            {
              "product_identifier": {
                "code": "Serendipity"
              },
              "total_amount": 60,
              "net_amount": 50,
              "vat_amount": 10
            },
            {
              "product_identifier": {
                "code": "Bronze"
              },
              "total_amount": 180,
              "net_amount": 160,
              "vat_amount": 20
            }
          ]
        },
        {
          "request_unique_identifier": "33",
          "accounts_receivable_identifier": {
            "number": "ACR00008"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "reference_number": "RF01",
          "products_set": [
            {
              "product_identifier": {
                "code": "Serendipity"
              },
              "total_amount": 60,
              "net_amount": 50,
              "vat_amount": 10
            },
            {
              "product_identifier": {
                "code": "Bronze"
              },
              "total_amount": 180,
              "net_amount": 160,
              "vat_amount": 20
            }
          ]
        },
        {
          "request_unique_identifier": "34",
          "accounts_receivable_identifier": {
            "number": "ACR0000058"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "reference_number": "RF01",
          "products_set": [
            {
              "product_identifier": {
                "code": "Serendipity"
              },
              "total_amount": 60,
              "net_amount": 50,
              "vat_amount": 10
            },
            {
              "product_identifier": {
                "code": "Bronze"
              },
              "total_amount": 180,
              "net_amount": 160,
              "vat_amount": 20
            }
          ]
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Account (ACR00008) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "33"
          },
          {
            "error_description": "Error:Account (ACR0000058) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "34"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "123",
            "id": "C6F33A7C8A38446FA1A58ACDF105AFE8",
            "request_unique_identifier": "31"
          },
          {
            "number": "124",
            "id": "DFB1ED07A8DB45F6A9205E3CCFCDC14E",
            "request_unique_identifier": "32"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  referrals: {
    seed: '002_817684e7b6e32542.txt',
    request: {
      "token": "{{token}}",
      "referral_customer_events_set": [
        {
          "request_unique_identifier": "125",
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "referred_rewards_participant_identifier": {
            "number": "RP0000000017"
          },
          "referred_by_rewards_participant_identifier": {
            "number": "RP0000000010"
          }
        },
        {
          "request_unique_identifier": "124",
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "referred_rewards_participant_identifier": {
            "number": "RP0000000014"
          },
          "referred_by_rewards_participant_identifier": {
            "number": "RP0000000012"
          }
        },
        {
          "request_unique_identifier": "123",
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "referred_rewards_participant_identifier": {
            "number": "RP0000000004"
          },
          "referred_by_rewards_participant_identifier": {
            "number": "RP0000000010"
          }
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Participant RP0000000004 Was Already Referred by Another Participant. - Description:The participant was already referred by another participant.",
            "error_code": "ReferredByAnotherParticipantException",
            "request_unique_identifier": "123"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "8",
            "id": "D49D8CD39786431F882341CBDE5A254A",
            "request_unique_identifier": "125"
          },
          {
            "number": "9",
            "id": "94E44BDAF7724C2E97B5C2B533371497",
            "request_unique_identifier": "124"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  social_media: {
    seed: '004_2ec7f56f06bc39d9.txt',
    request: {
      "token": "{{token}}",
      "social_media_customer_events_set": [
        {
          "request_unique_identifier": "16",
          "accounts_receivable_identifier": {
            "number": "ACR0000000164"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "social_media": "FACEBOOK",
          "profile": "www.facebook.com/polina",
          "action": "LIKE"
        },
        {
          "request_unique_identifier": "17",
          "accounts_receivable_identifier": {
            "number": "ACR0000000050"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:05:02",
          "social_media": "FACEBOOK",
          "profile": "www.facebook.com/katerina",
          "action": "LIKE"
        },
        {
          "request_unique_identifier": "18",
          "accounts_receivable_identifier": {
            "number": "ACR00045750"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:19:22",
          "social_media": "FACEBOOK",
          "profile": "www.facebook.com/marios",
          "action": "LIKE"
        },
        {
          "request_unique_identifier": "19",
          "accounts_receivable_identifier": {
            "number": "ACR00670000"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:15:42",
          "social_media": "FACEBOOK",
          "profile": "www.facebook.com/yiannis",
          "action": "LIKE"
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Account (ACR00045750) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "18"
          },
          {
            "error_description": "Error:Account (ACR00670000) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "19"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "14",
            "id": "49A9DF458B6E4DE69CDC7F5E330F34D9",
            "request_unique_identifier": "16"
          },
          {
            "number": "15",
            "id": "CB54467A5FA445359962283134E1473D",
            "request_unique_identifier": "17"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  web: {
    seed: '004_2ec7f56f06bc39d9.txt',
    request: {
      "token": "{{token}}",
      "web_customer_events_set": [
        {
          "request_unique_identifier": "06",
          "accounts_receivable_identifier": {
            "number": "ACR0000000020"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00",
          "website": "www.crm.com"
        },
        {
          "request_unique_identifier": "07",
          "accounts_receivable_identifier": {
            "number": "ACR0000000077"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:05:02",
          "website": "www.crm.com"
        },
        {
          "request_unique_identifier": "08",
          "accounts_receivable_identifier": {
            "number": "ACR00045000"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:19:22",
          "website": "www.crm.com"
        },
        {
          "request_unique_identifier": "09",
          "accounts_receivable_identifier": {
            "number": "ACR00670040"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:15:42",
          "website": "www.crm.com"
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Account (ACR00045000) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "08"
          },
          {
            "error_description": "Error:Account (ACR00670040) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "09"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "4",
            "id": "B50A2C66D9934BF1AC92FB0F963B5654",
            "request_unique_identifier": "06"
          },
          {
            "number": "5",
            "id": "F85AFE4F8FF64CB4A6C35F234684C8FF",
            "request_unique_identifier": "07"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  financial_achievements: {
    seed: '004_2ec7f56f06bc39d9.txt',
    request: {
      "token": "{{token}}",
      "financial_achievement_customer_events_set": [
        {
          "request_unique_identifier": "61",
          "accounts_receivable_identifier": {
            "number": "ACR0000000218"
          },
          "classification_identifier": {
            "name": "Financial Achievement 1"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:00:00"
        },
        {
          "request_unique_identifier": "62",
          "accounts_receivable_identifier": {
            "number": "ACR0000000226"
          },
          "classification_identifier": {
            "name": "Financial Achievement 3"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:05:02"
        },
        {
          "request_unique_identifier": "63",
          "accounts_receivable_identifier": {
            "number": "ACR45000"
          },
          "classification_identifier": {
            "name": "Financial Achievement 1"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:19:22"
        },
        {
          "request_unique_identifier": "64",
          "accounts_receivable_identifier": {
            "number": "ACR040"
          },
          "classification_identifier": {
            "name": "Financial Achievement 2"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-22T15:15:42"
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Account (ACR45000) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "63"
          },
          {
            "error_description": "Error:Account (ACR040) Not Found. - Description:The specified API value was not found.",
            "error_code": "NotFoundAPIValueException",
            "request_unique_identifier": "64"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "42",
            "id": "B920CF7635644ED18517DDC0040E4181",
            "request_unique_identifier": "61"
          },
          {
            "number": "43",
            "id": "A991B0F040DC4F13B6074BFF5191B85C",
            "request_unique_identifier": "62"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
  financial_statements: {
    seed: null,
    request: {
      "token": "{{token}}",
      "financial_achievement_customer_events_set": [
        {
          "request_unique_identifier": "71",
          "accounts_receivable_identifier": {
            "number": "ACR0000000218"
          },
          "classification_identifier": {
            "name": "Monthly Statement"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-30T23:59:59",
          "measured_key_performance_indicators_set": [
            {
              "key_performance_indicator_identifier": {
                "name": "Average Balance"
              },
              "value": 15200.5
            },
            {
              "key_performance_indicator_identifier": {
                "name": "Card Spend"
              },
              "value": 830,
              "product_identifier": {
                "code": "Bronze"
              }
            }
          ]
        },
        {
          "request_unique_identifier": "72",
          "accounts_receivable_identifier": {
            "number": "ACR0000000218"
          },
          "classification_identifier": {
            "name": "Financial Achievement 1"
          },
          "performed_by_unit_identifier": {
            "name": "Admin Unit"
          },
          "performed_on": "2016-06-30T23:59:59"
        }
      ]
    },
    response: {
      "data": {
        "unprocessed_customer_events_set": [
          {
            "error_description": "Error:Classification (Financial Achievement 1) Invalid. - Description:Only financial statement classifications are allowed.",
            "error_code": "InvalidClassificationException",
            "request_unique_identifier": "72"
          }
        ],
        "processed_customer_events_set": [
          {
            "number": "47",
            "id": "5E0C3F1D2B7A4C7E9A51D2F0B8C4E6A1",
            "request_unique_identifier": "71"
          }
        ]
      },
      "status": {
        "code": "OK",
        "description": "",
        "message": ""
      }
    },
  },
};

export const SINGLE_PURCHASE_EXAMPLE = {
  seed: '003_2882f585fbad8e05.txt',
  headers: {
    "api_key": "8c54d563-b991-4b76-8a83-557c08166f95"
  },
  request: {
    "cim": "4A30966F684B0269AD91",
    "reference_number": "RF000001",
    "classification": {
      "code": "CCC"
    },
    "payment_medium_identifier": "42424242",
    "performed_on": 1572423477,
    "currency_code": "EUR",
    "products": [
      {
        "product_sku": "FREDESPR001",
        "net_amount": 14.15,
        "tax_amount": 1.04,
        "total_amount": 15.19,
        "quantity": 2
      }
    ],
    "spend_request": {
      "amount": 2.12
    },
    "merchant_tap": {
      "code": "EK123456"
    },
    "outlet_tap": {
      "code": "CD123456"
    }
  },
  response: {
    "id": "PCE12345678909876544GUID"
  },
};
