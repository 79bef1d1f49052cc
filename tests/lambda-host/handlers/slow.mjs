// A handler that takes longer than the host's timeout (the host's own tests).
export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.delayMs ?? 10_000));
  return event;
};
