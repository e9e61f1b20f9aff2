import { mapMaybePromise } from "../../common/maybe-promise";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { CityRecord } from "../../domain/records";
import type { GraphContext } from "../base/context";
import { EntityResolver } from "../base/entity.resolver";
import { list, ref } from "../base/lookups";
import { ListOf } from "../base/list-bound";
import { Country } from "../country/country.type";
import { FlightRouteListArgs } from "../flight-route/flight-route.args";
import { FlightRouteConnection } from "../flight-route/flight-route.type";
import { MeetingListArgs } from "../meeting/meeting.args";
import { MeetingConnection } from "../meeting/meeting.type";
import { CityListArgs } from "./city.args";
import { City, CityConnection } from "./city.type";

@Resolver(_of => City)
export class CityResolver extends EntityResolver({
  typename: "City",
  objectType: City,
  connection: CityConnection,
  args: CityListArgs,
  one: "city",
  many: "cities",
  plural: "cities",
}) {
  @FieldResolver(_returns => Country, { description: "The country the city is in." })
  country(@Root() city: CityRecord, @Ctx() ctx: GraphContext) {
    return ref(ctx, "Country", city.countryId);
  }

  @FieldResolver(_returns => Boolean, { description: "Whether the city is its country's capital." })
  isCapital(@Root() city: CityRecord, @Ctx() ctx: GraphContext) {
    return mapMaybePromise(ref(ctx, "Country", city.countryId), country => country?.capitalId === city.id);
  }

  @ListOf("Meeting", "city")
  @FieldResolver(_returns => MeetingConnection, { description: "Meetings held in this city, by date (undated last)." })
  meetings(@Root() city: CityRecord, @Args(_type => MeetingListArgs) args: MeetingListArgs, @Ctx() ctx: GraphContext) {
    return list(ctx, "Meeting", args, { city: city.id });
  }

  @ListOf("FlightRoute", "city")
  @FieldResolver(_returns => FlightRouteConnection, {
    description: "Flight routes that start or end in this city, by name (origin – destination).",
  })
  flightRoutes(
    @Root() city: CityRecord,
    @Args(_type => FlightRouteListArgs) args: FlightRouteListArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return list(ctx, "FlightRoute", args, { city: city.id });
  }
}
