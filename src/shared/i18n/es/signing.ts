export const signing = {} as const;
