"""A small ray tracer: vector classes with operator overloading, spheres, shading."""

import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center, self.radius, self.color, self.reflect = center, radius, color, reflect

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0, -10004, -20), 10000, Vec(0.2, 0.2, 0.2), 0.0),
            Sphere(Vec(0, 0, -20), 4, Vec(1.0, 0.32, 0.36), 0.5),
            Sphere(Vec(5, -1, -15), 2, Vec(0.9, 0.76, 0.46), 0.3),
            Sphere(Vec(5, 0, -25), 3, Vec(0.65, 0.77, 0.97), 0.2),
            Sphere(Vec(-5.5, 0, -15), 3, Vec(0.9, 0.9, 0.9), 0.4),
        ]
        self.light = Vec(-10, 20, 10)

    def trace(self, origin, direction, depth):
        nearest, hit_obj = math.inf, None
        for obj in self.objects:
            t = obj.hit(origin, direction)
            if t is not None and t < nearest:
                nearest, hit_obj = t, obj
        if hit_obj is None:
            return Vec(0.5, 0.7, 1.0)
        point = origin + direction * nearest
        normal = hit_obj.normal(point)
        to_light = (self.light - point).norm()
        shadowed = any(o.hit(point, to_light) is not None for o in self.objects if o is not hit_obj)
        diffuse = 0.0 if shadowed else max(0.0, normal.dot(to_light))
        color = hit_obj.color * (0.1 + 0.9 * diffuse)
        if depth < 3 and hit_obj.reflect > 0:
            reflected = direction - normal * (2 * direction.dot(normal))
            color = color * (1 - hit_obj.reflect) + self.trace(point, reflected.norm(), depth + 1) * hit_obj.reflect
        return color


def render(width, height):
    scene = Scene()
    origin = Vec(0, 0, 0)
    aspect = width / height
    checksum = 0
    for j in range(height):
        for i in range(width):
            x = (2 * (i + 0.5) / width - 1) * aspect * 0.5
            y = (1 - 2 * (j + 0.5) / height) * 0.5
            c = scene.trace(origin, Vec(x, y, -1).norm(), 0)
            checksum += int(min(c.x, 1) * 255) + 3 * int(min(c.y, 1) * 255) + 7 * int(min(c.z, 1) * 255)
    return checksum


def main(width=320, height=240):
    print("raytrace", width, height, render(width, height))


main()
