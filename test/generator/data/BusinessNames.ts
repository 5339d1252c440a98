import type { NonEmptyReadonlyArray } from "effect/Array"

/*
 * Parts of the names of the businesses that buy pool service: HOAs and condo associations with community pools,
 * landlords' LLCs, property managers, and a few commercial pools.
 */

export const communityNames: NonEmptyReadonlyArray<string> = [
  "Palm Harbor", "Sunset Pointe", "Bay Colony", "Desert Ridge", "Lakeside", "Eagle Creek", "Coral Ridge",
  "Heron Bay", "Mission Hills", "Stone Canyon", "Willow Springs", "Cypress Lakes", "Pelican Landing",
  "Sierra Vista", "Windermere", "Oak Hollow", "Tuscany Isles", "Paradise Valley", "Harbor Isle", "Grayhawk",
  "Ancala", "McCormick Ranch", "Cinco Ranch", "Cypress Creek", "Stonegate", "Riverwalk", "Indian Springs",
  "Vista Del Lago", "Fountain Hills", "Crystal Cove", "Sandpiper Cove", "Seven Oaks", "Bella Terra",
  "Rancho Vista", "Legacy Park", "Copper Canyon", "Silver Lakes", "Laguna Pointe", "Sea Pines", "Twin Eagles"
]

export const communityKinds: NonEmptyReadonlyArray<string> = [
  "HOA", "Homeowners Association", "Community Association", "Condominium Association", "Villas HOA",
  "Townhomes Association", "Swim Club", "Apartments", "Estates HOA"
]

export const businessKinds: NonEmptyReadonlyArray<string> = [
  "Property Management", "Realty Group", "Vacation Rentals", "Properties", "Rentals", "Holdings",
  "Investments", "Home Services", "Management Group", "Real Estate"
]

export const legalForms: NonEmptyReadonlyArray<"LLC" | "Inc" | ""> = ["LLC", "LLC", "LLC", "Inc", ""]
