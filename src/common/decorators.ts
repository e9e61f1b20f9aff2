/** A property decorator as class-validator and type-graphql declare them. */
export type PropertyDecorator = (target: object, key: string) => void;

/** Applies several property decorators as one, so a recurring combination is declared once. */
export const composeDecorators =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
