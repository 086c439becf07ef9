/// Small constructors for the JSON Schema and OpenAPI 3.0 objects of the API description.
enum APIOpenAPIBuilder {
    /// An object whose members keep the order written.
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { (key: $0.key, value: $0.value) })
    }

    static func strings(_ texts: [String]) -> JSONValue {
        .array(texts.map(JSONValue.string))
    }

    /// A reference to `#/components/<section>/<name>`.
    static func reference(_ name: String, in section: String = "schemas") -> JSONValue {
        object(["$ref": .string("#/components/\(section)/\(name)")])
    }

    /// A string schema, optionally with a format, a list of allowed values, a pattern and null allowed.
    static func string(
        format: String? = nil, choices: [String]? = nil, pattern: String? = nil, nullable: Bool = false,
        description: String? = nil
    ) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("string"))]
        if let format { pairs.append(("format", .string(format))) }
        if let choices { pairs.append(("enum", .array(choices.map(JSONValue.string) + (nullable ? [.null] : [])))) }
        if let pattern { pairs.append(("pattern", .string(pattern))) }
        if nullable { pairs.append(("nullable", .bool(true))) }
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("integer"))]
        if let minimum { pairs.append(("minimum", .number(String(minimum)))) }
        if let maximum { pairs.append(("maximum", .number(String(maximum)))) }
        return .object(pairs)
    }

    static let boolean = object(["type": .string("boolean")])

    /// An array schema; `minimumCount` is its `minItems`.
    static func array(_ items: JSONValue, minimumCount: Int? = nil) -> JSONValue {
        guard let minimumCount else { return object(["type": .string("array"), "items": items]) }
        return object(["type": .string("array"), "minItems": .number(String(minimumCount)), "items": items])
    }

    /// An object schema; `closed` forbids members not listed, as the API's request bodies do.
    static func schema(
        _ properties: [(key: String, value: JSONValue)], required: [String], closed: Bool = false,
        nullable: Bool = false
    ) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("type", .string("object"))]
        if !required.isEmpty { pairs.append(("required", strings(required))) }
        pairs.append(("properties", .object(properties)))
        if closed { pairs.append(("additionalProperties", .bool(false))) }
        if nullable { pairs.append(("nullable", .bool(true))) }
        return .object(pairs)
    }

    /// An object schema whose member names are free and whose values follow `values`.
    static func map(_ values: JSONValue) -> JSONValue {
        object(["type": .string("object"), "additionalProperties": values])
    }

    /// An `application/json` body or response content with `schema`.
    static func jsonContent(_ schema: JSONValue) -> JSONValue {
        object(["application/json": object(["schema": schema])])
    }

    /// A parameter `in` the query, path or headers.
    static func parameter(
        _ name: String, in location: String, _ schema: JSONValue, description: String, required: Bool = false,
        list: Bool = false
    ) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("name", .string(name)), ("in", .string(location)), ("description", .string(description)),
        ]
        if required || location == "path" { pairs.append(("required", .bool(true))) }
        if list { pairs += [("style", .string("form")), ("explode", .bool(false))] }
        pairs.append(("schema", schema))
        return .object(pairs)
    }

    /// A response with a JSON body of the component schema `schema` and the given headers.
    static func response(_ description: String, schema: String, headers: [String] = []) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("description", .string(description)), ("content", jsonContent(reference(schema))),
        ]
        if !headers.isEmpty {
            pairs.append(("headers", .object(headers.map { ($0, reference($0, in: "headers")) })))
        }
        return .object(pairs)
    }
}
