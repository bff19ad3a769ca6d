// Registers every element. The elements are added here as they are built.
export {};
