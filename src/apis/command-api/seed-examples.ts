/** The request and response examples of seeds 000 and 001, as strict JSON. */
export const SEED_EXAMPLES = {
  "loadCustomerEventsExt": {
    "request": {
      "events": [
        {
          "customerId": "5C5720C6-3BF9-49E1-927C-1E85EFF4D870",
          "customerEvent": "birhdate",
          "bankEvent": "registration",
          "customerType1": "debitCardHolder",
          "customerType2": "depositHolder",
          "customerType3": "creditHolder",
          "customerType4": "male",
          "customerType5": "goldSupport",
          "eventId": "123456",
          "eventDate": "2015-01-01T00:00:00+03",
          "eventType": "operation",
          "operationType": "purchase",
          "operationAmount": 100.0,
          "operationCurrencyRate": 1,
          "merchantId": 123456,
          "terminalId": 123456,
          "merchantName": "TSUM"
        }
      ],
      "typeOfCommand": "loadCustomerEventsExt"
    },
    "responses": {
      "success": {
        "errors": [],
        "status": "Success",
        "error": null
      },
      "notAllowed": {
        "status": "Failure",
        "error": {
          "typeOfError": "notAllowed",
          "description": "You cannot send a new command until the previous command has been processed"
        }
      },
      "itemErrors": {
        "errors": [
          {
            "eventId": "636554297092801053",
            "typeOfError": "wrongParam",
            "description": "Unknown customer type"
          }
        ],
        "status": "Failure",
        "error": {
          "typeOfError": "wrongData",
          "description": "Number of errors - 1"
        }
      }
    }
  },
  "addCustomerPointMessage": {
    "request": {
      "add": [
        {
          "amount": 200.0,
          "guid": "9803d32e-8fcd-4984-a736-9f02f726b3c0",
          "email": null,
          "phone": null,
          "uniqId": "12345678",
          "info": null,
          "message": "Message for customer",
          "showCount": 3,
          "showTill": "2019-10-23T18:25:43.511Z",
          "eventId": "123456",
          "eventDate": "2015-01-01T00:00:00+03",
          "eventType": "operation",
          "operationType": "purchase",
          "operationAmount": 100.0,
          "merchantName": "TZUM",
          "bankProduct": "Gold card",
          "mcc": "Petrol station"
        }
      ],
      "typeOfCommand": "addCustomerPointMessage"
    },
    "response": {
      "results": [
        {
          "login": "12345678",
          "guid": "9803d32e-8fcd-4984-a736-9f02f726b3c0",
          "status": "Success",
          "error": null
        }
      ]
    }
  }
} as const;
