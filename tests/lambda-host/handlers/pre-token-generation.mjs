// PreTokenGeneration (V1_0 event): puts the user's department into the ID token as a claim, and a fixed tier.
export const handler = async (event) => {
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: {
        department: event.request.userAttributes['custom:department'] || 'none',
        tier: 'gold',
      },
    },
  };
  return event;
};
