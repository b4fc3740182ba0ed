export const caseFile = {} as const;
